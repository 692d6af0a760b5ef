import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AGENCY_LIST_DEFAULT_LIMIT,
  AgencyMailPreference,
  AgencyUserListQuery,
  AgencyUserPage,
  AgencyUserView,
  AuditAction,
  AuditEntityType,
  ErrorCode,
  UserRole,
} from '@heardback/contracts';
import {
  DomainError,
  PHONE_RULE_MESSAGE,
  digestDueAfterPreferenceChange,
  fieldError,
  invitationPending,
  normalizePhone,
} from '@heardback/domain';
import { randomBytes } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { PasswordHasher } from '../auth/password-hasher';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { AgencyUserFields, agencyUserPage } from './agency-user-list';
import { decodeNameCursor } from '../database/keyset-cursor';
import { UserEntity } from './user.entity';

/** Each: undefined leaves it, null removes it. */
export interface ContactDetailsChange {
  phone?: string | null;
  location?: string | null;
  profileLink?: string | null;
}

export interface NewUser {
  email: string;
  /** Null for an invited agency person: no one can sign in until they choose one from their link (ADR 0082). */
  password: string | null;
  fullName: string;
  role: UserRole;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A taken email is refused by the database's unique index (EMAIL_TAKEN), so two sign-ups cannot race.
   * `createdBy` is the staff member making the account; null only for the demo data's first accounts,
   * which no person made and so are not in the audit trail. `alongside` runs in the same transaction (the
   * invitation's link and email), so an account is never made without it.
   */
  async create(
    user: NewUser,
    createdBy: UserEntity | null,
    alongside?: (manager: EntityManager, created: UserEntity) => Promise<unknown>,
  ): Promise<UserEntity> {
    // An invited account's hash is of random bytes no one keeps: no password matches it.
    const passwordHash = await this.hasher.hash(user.password ?? randomBytes(32).toString('base64url'));
    const saved = await this.users.manager.transaction(async (manager) => {
      const inserted = await manager.save(
        manager.create(UserEntity, {
          email: user.email.toLowerCase(),
          fullName: user.fullName,
          role: user.role,
          passwordHash,
          // Invited: not verified until the link is followed (the column's default, now(), is for the demo's accounts).
          ...(user.password === null ? { invitedAt: this.clock.now(), emailVerifiedAt: null } : {}),
        }),
      );
      await alongside?.(manager, inserted);
      if (createdBy) {
        await this.audit.record(manager, {
          actor: createdBy,
          action: AuditAction.UserCreated,
          entity: { type: AuditEntityType.User, id: inserted.id },
          before: null,
          after: { email: inserted.email, fullName: inserted.fullName, role: inserted.role },
        });
      }
      return inserted;
    });
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

  /** Recruiters and staff by name, a page at a time, with how many match in all (agency-user-list.ts). */
  async listAgency(query: AgencyUserListQuery = {}): Promise<AgencyUserPage> {
    const page = await agencyUserPage(this.users.manager, {
      q: query.q,
      role: query.role,
      active: query.active,
      ids: query.ids,
      except: query.except,
      cursor: query.cursor ? decodeNameCursor(query.cursor) : null,
      limit: query.limit ?? AGENCY_LIST_DEFAULT_LIMIT,
    });
    return { ...page, items: page.items.map(toAgencyUserView) };
  }

  /** An agency person's new name is audited (it is how they appear on every record); a candidate's is not. */
  async rename(user: UserEntity, fullName: string): Promise<UserEntity> {
    await this.users.manager.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { fullName });
      await this.audit.record(manager, {
        actor: user,
        action: AuditAction.UserRenamed,
        entity: { type: AuditEntityType.User, id: user.id },
        before: { fullName: user.fullName },
        after: { fullName },
      });
    });
    return { ...user, fullName };
  }

  /**
   * How an agency person is emailed about their work. What is already held for their digest is
   * re-timed in the same transaction: sent at once in one digest for `immediate`, else at the new
   * preference's next digest. Audited: it decides when a recruiter is reminded.
   */
  async setAgencyMail(user: UserEntity, agencyMail: AgencyMailPreference): Promise<UserEntity> {
    const heldDueAt = digestDueAfterPreferenceChange(agencyMail, this.clock.now(), this.config.calendar);
    await this.users.manager.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { agencyMail });
      await manager.query(`UPDATE notifications SET digest_due_at = $2 WHERE recipient_id = $1 AND status = 'held'`, [
        user.id,
        heldDueAt,
      ]);
      await this.audit.record(manager, {
        actor: user,
        action: AuditAction.UserAgencyMailChanged,
        entity: { type: AuditEntityType.User, id: user.id },
        before: { agencyMail: user.agencyMail },
        after: { agencyMail },
      });
    });
    return { ...user, agencyMail };
  }

  /**
   * Staff make a staff member an agency lead (told when an escalation is itself left), or not.
   * Only staff can be leads: the rule is here and in the database (`users_agency_lead_is_staff`).
   */
  async setAgencyLead(actor: UserEntity, userId: string, isAgencyLead: boolean): Promise<AgencyUserView> {
    return this.users.manager.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.role === UserRole.Candidate) {
        throw new DomainError(ErrorCode.NotFound, 'There is no agency account with this id.');
      }
      if (isAgencyLead && user.role !== UserRole.Staff) {
        throw fieldError('isAgencyLead', 'only a staff member can be an agency lead');
      }
      await manager.update(UserEntity, { id: userId }, { isAgencyLead });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.UserAgencyLeadChanged,
        entity: { type: AuditEntityType.User, id: userId },
        before: { isAgencyLead: user.isAgencyLead },
        after: { isAgencyLead },
      });
      return toAgencyUserView({ ...user, isAgencyLead });
    });
  }

  /**
   * A candidate's phone, location and link, each left as it is when undefined and removed when
   * null; the phone is stored as + and digits. Their own data, so not audited (their timeline is
   * for applications). Agency people keep none here: 400.
   */
  async setContactDetails(user: UserEntity, details: ContactDetailsChange): Promise<UserEntity> {
    if (user.role !== UserRole.Candidate) {
      const field = (['phone', 'location', 'profileLink'] as const).find((name) => details[name] !== undefined);
      throw fieldError(field ?? 'phone', 'only candidates keep contact details on their profile');
    }
    const phone = details.phone == null ? details.phone : normalizePhone(details.phone);
    if (phone === null && details.phone) throw fieldError('phone', PHONE_RULE_MESSAGE);
    const changes: Partial<Pick<UserEntity, 'phone' | 'location' | 'profileLink'>> = {};
    if (phone !== undefined) changes.phone = phone;
    if (details.location !== undefined) changes.location = details.location;
    if (details.profileLink !== undefined) changes.profileLink = details.profileLink;
    await this.users.update({ id: user.id }, changes);
    return { ...user, ...changes };
  }

  /** Only how times are shown to this person changes: nothing to audit. */
  async setTimeZone(user: UserEntity, timeZone: string | null): Promise<UserEntity> {
    await this.users.update({ id: user.id }, { timeZone });
    return { ...user, timeZone };
  }
}

export function toAgencyUserView({
  id,
  email,
  fullName,
  role,
  createdAt,
  disabledAt,
  isAgencyLead,
  invitedAt,
  emailVerifiedAt,
}: AgencyUserFields): AgencyUserView {
  return {
    id,
    email,
    fullName,
    role,
    createdAt: createdAt.toISOString(),
    disabledAt: disabledAt?.toISOString() ?? null,
    isAgencyLead: isAgencyLead ?? false,
    invitationSentAt: invitedAt && invitationPending({ invitedAt, emailVerifiedAt }) ? invitedAt.toISOString() : null,
  };
}
