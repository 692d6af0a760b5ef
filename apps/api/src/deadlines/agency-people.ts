import { UserRole } from '@heardback/contracts';
import { EntityManager } from 'typeorm';

export interface AgencyPerson {
  id: string;
  email: string;
  full_name: string;
  /** The zone times are written to them in; null: the agency's. */
  time_zone: string | null;
}

/** The people with these roles (or just `onlyId`, if given and one of them), to remind or escalate to. */
export function agencyPeople(
  manager: EntityManager,
  roles: UserRole[],
  onlyId?: string | null,
): Promise<AgencyPerson[]> {
  return manager.query(
    `SELECT id, email, full_name, time_zone FROM users WHERE role = ANY($1) AND ($2::uuid IS NULL OR id = $2) ORDER BY email`,
    [roles, onlyId ?? null],
  );
}
