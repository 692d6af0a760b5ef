import { UserRole } from '@heardback/contracts';
import { EntityManager } from 'typeorm';

export interface AgencyPerson {
  id: string;
  email: string;
  full_name: string;
}

/** The people with these roles (or just `onlyId`, if given and one of them), to remind or escalate to. */
export function agencyPeople(
  manager: EntityManager,
  roles: UserRole[],
  onlyId?: string | null,
): Promise<AgencyPerson[]> {
  return manager.query(
    `SELECT id, email, full_name FROM users WHERE role = ANY($1) AND ($2::uuid IS NULL OR id = $2) ORDER BY email`,
    [roles, onlyId ?? null],
  );
}
