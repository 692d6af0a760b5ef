import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { UsersService } from '../users/users.service';
import { LoginDto, RegisterDto } from './dto/credentials.dto';
import { PasswordHasher } from './password-hasher';
import { IssuedSession, SessionService } from './session.service';
import { UserEntity } from '../users/user.entity';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
  ) {}

  // Verified against for unknown emails, so response time does not reveal which emails have accounts.
  private readonly unknownUserHash = this.hasher.hash(randomBytes(16).toString('hex'));

  async register(request: RegisterDto): Promise<{ user: UserEntity; session: IssuedSession }> {
    const user = await this.users.create({ ...request, role: UserRole.Candidate });
    return { user, session: await this.sessions.start(user.id) };
  }

  async login(request: LoginDto): Promise<{ user: UserEntity; session: IssuedSession }> {
    const found = await this.users.findWithPasswordHash(request.email);
    const valid = await this.hasher.verify(found?.passwordHash ?? (await this.unknownUserHash), request.password);
    if (!found || !valid) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'That email and password do not match an account.');
    }
    const { passwordHash: _omitted, ...user } = found;
    return { user: user as UserEntity, session: await this.sessions.start(found.id) };
  }

  logout(token: string): Promise<void> {
    return this.sessions.end(token);
  }
}
