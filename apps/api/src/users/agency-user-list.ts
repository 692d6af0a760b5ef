import { CountedPage, UserRole } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { NameCursor, encodeNameCursor } from '../database/keyset-cursor';
import { escapeLike } from '../jobs/job-search-terms';
import { UserEntity } from './user.entity';

/**
 * A page of agency accounts is asked for with these; their order (`NameCursor`): by name in any case, then id. Names are not unique (two people
 * may share one, or differ only in case), so the id breaks the tie. users_agency_by_name_idx
 * (migration 1795955900000) holds agency users in this order, so the walk is an index scan that stops
 * after a page.
 */
export interface AgencyUserListRequest {
  q?: string;
  role?: UserRole.Recruiter | UserRole.Staff;
  active?: boolean;
  ids?: readonly string[];
  except?: string;
  cursor: NameCursor | null;
  limit: number;
}

/** What an agency account's view is made of (`toAgencyUserView`). */
export type AgencyUserFields = Pick<
  UserEntity,
  'id' | 'email' | 'fullName' | 'role' | 'createdAt' | 'disabledAt' | 'isAgencyLead' | 'invitedAt' | 'emailVerifiedAt'
>;

interface AgencyUserRow extends AgencyUserFields {
  sort_name: string;
}

export interface AgencyUserListSql {
  sql: string;
  params: unknown[];
}

type AgencyUserFilters = Pick<AgencyUserListRequest, 'q' | 'role' | 'active' | 'ids' | 'except'>;

/**
 * The WHERE conditions of the list and its count. The first is written as users_agency_by_name_idx's
 * predicate is, so the planner can use that partial index. The search is `ILIKE '%…%'` on the name or
 * the email; users_full_name_trgm_idx and users_email_trgm_idx answer it from three characters on, and
 * a short word is checked along the (small) walk of agency users.
 */
function filters(request: AgencyUserFilters, params: unknown[]): string[] {
  const conditions = [`u.role <> 'candidate'`];
  const q = request.q?.trim();
  if (q) {
    params.push(`%${escapeLike(q)}%`);
    conditions.push(`(u.full_name ILIKE $${params.length} ESCAPE '\\' OR u.email ILIKE $${params.length} ESCAPE '\\')`);
  }
  if (request.role) {
    params.push(request.role);
    conditions.push(`u.role = $${params.length}`);
  }
  if (request.active !== undefined) conditions.push(`u.disabled_at IS ${request.active ? '' : 'NOT '}NULL`);
  if (request.ids) {
    params.push(request.ids);
    conditions.push(`u.id = ANY($${params.length}::uuid[])`);
  }
  if (request.except) {
    params.push(request.except);
    conditions.push(`u.id <> $${params.length}::uuid`);
  }
  return conditions;
}

/** One page plus one row (to know whether another page follows). */
export function agencyUserPageSql(request: AgencyUserListRequest): AgencyUserListSql {
  const params: unknown[] = [];
  const conditions = filters(request, params);
  if (request.cursor) {
    params.push(request.cursor.name, request.cursor.id);
    const [name, id] = [`$${params.length - 1}`, `$${params.length}`];
    // The first condition is the one the index can start from; the second breaks a tie on the name.
    conditions.push(`lower(u.full_name) >= ${name}::text`, `(lower(u.full_name), u.id) > (${name}::text, ${id}::uuid)`);
  }
  params.push(request.limit + 1);
  return {
    sql: `SELECT u.id, u.email, u.full_name AS "fullName", u.role, u.created_at AS "createdAt",
                 u.disabled_at AS "disabledAt", u.is_agency_lead AS "isAgencyLead",
                 u.invited_at AS "invitedAt", u.email_verified_at AS "emailVerifiedAt", lower(u.full_name) AS sort_name
            FROM users u WHERE ${conditions.join(' AND ')}
           ORDER BY lower(u.full_name), u.id LIMIT $${params.length}`,
    params,
  };
}

export function agencyUserTotalSql(request: AgencyUserFilters): AgencyUserListSql {
  const params: unknown[] = [];
  const conditions = filters(request, params);
  return { sql: `SELECT count(*)::int AS total FROM users u WHERE ${conditions.join(' AND ')}`, params };
}

/** A page of agency accounts' fields (which `toAgencyUserView` makes views of), its cursor and how many match in all. */
export async function agencyUserPage(
  manager: EntityManager,
  request: AgencyUserListRequest,
): Promise<CountedPage<AgencyUserFields>> {
  const page = agencyUserPageSql(request);
  const rows: AgencyUserRow[] = await manager.query(page.sql, page.params);
  const total = agencyUserTotalSql(request);
  const [counted]: { total: number }[] = await manager.query(total.sql, total.params);
  const shown = rows.slice(0, request.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(({ sort_name: _sortName, ...user }) => user),
    nextCursor: rows.length > request.limit && last ? encodeNameCursor({ name: last.sort_name, id: last.id }) : null,
    total: counted.total,
  };
}
