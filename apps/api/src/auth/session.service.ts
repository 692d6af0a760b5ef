import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UserEntity } from '../users/user.entity';
import { SessionEntity } from './session.entity';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Sessions live in PostgreSQL so any number of API instances serve the same users. */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(userId: string): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    await this.sessions.insert({ tokenHash: hashToken(token), userId, expiresAt });
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<UserEntity | null> {
    const session = await this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.token_hash = :hash AND session.expires_at > now()', { hash: hashToken(token) })
      .getOne();
    return session?.user ?? null;
  }

  async end(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashToken(token) });
  }
}
