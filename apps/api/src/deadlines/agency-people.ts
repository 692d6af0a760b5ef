import { UserRole } from '@heardback/contracts';
import { EntityManager } from 'typeorm';

export interface AgencyPerson {
  id: string;
  email: string;
  full_name: string;
  /** The zone times are written to them in; null: the agency's. */
  time_zone: string | null;
}

/**
 * The active people with these roles (or just `onlyId`, if given, one of them and active), to remind or
 * escalate to. A disabled account (someone who left) is never written to about work.
 */
export function agencyPeople(
  manager: EntityManager,
  roles: UserRole[],
  onlyId?: string | null,
): Promise<AgencyPerson[]> {
  return manager.query(
    `SELECT id, email, full_name, time_zone FROM users
      WHERE role = ANY($1) AND disabled_at IS NULL AND ($2::uuid IS NULL OR id = $2) ORDER BY email`,
    [roles, onlyId ?? null],
  );
}

/**
 * Who hears about a piece of work: its owner; with none, or one whose account was disabled (they left
 * and their work was not handed over yet), `others` (every active recruiter, unless said), so the work
 * is never told only to someone who can no longer act on it.
 */
export async function ownerOr(
  manager: EntityManager,
  ownerId: string | null | undefined,
  others: UserRole[] = [UserRole.Recruiter],
): Promise<AgencyPerson[]> {
  const owner = ownerId ? await agencyPeople(manager, [UserRole.Recruiter, UserRole.Staff], ownerId) : [];
  return owner.length > 0 ? owner : agencyPeople(manager, others);
}
