import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AgencyUserView, UserRole } from '@heardback/contracts';
import { In } from 'typeorm';
import { Repository } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  fullName: string;
  role: UserRole;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
  ) {}

  /** A taken email is refused by the database's unique index (EMAIL_TAKEN), so two sign-ups cannot race. */
  async create(user: NewUser): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(user.password);
    const created = this.users.create({
      email: user.email.toLowerCase(),
      fullName: user.fullName,
      role: user.role,
      passwordHash,
    });
    const saved = await this.users.save(created);
    const { passwordHash: _omitted, ...visible } = saved;
    return visible as UserEntity;
  }

  findWithPasswordHash(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async listAgency(): Promise<AgencyUserView[]> {
    const users = await this.users.find({
      where: { role: In([UserRole.Recruiter, UserRole.Staff]) },
      order: { fullName: 'ASC' },
    });
    return users.map(toAgencyUserView);
  }

  async rename(user: UserEntity, fullName: string): Promise<UserEntity> {
    await this.users.update({ id: user.id }, { fullName });
    return { ...user, fullName };
  }
}

export function toAgencyUserView({ id, email, fullName, role, createdAt, disabledAt }: UserEntity): AgencyUserView {
  return {
    id,
    email,
    fullName,
    role,
    createdAt: createdAt.toISOString(),
    disabledAt: disabledAt?.toISOString() ?? null,
  };
}
