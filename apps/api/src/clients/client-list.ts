import { ClientPage } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { NameCursor, encodeNameCursor } from '../database/keyset-cursor';
import { escapeLike } from '../jobs/job-search-terms';

/**
 * A page of clients is asked for with these; its order (`NameCursor`): by name in any case, then id. `lower(name)` is what
 * clients_name_unique indexes (so the walk is an index scan that stops after a page) and is
 * unique there, so the id never decides today; it is in the key so the order stays total should
 * that rule ever go.
 */
export interface ClientListRequest {
  q?: string;
  ids?: readonly string[];
  cursor: NameCursor | null;
  limit: number;
}

interface ClientRow {
  id: string;
  name: string;
  sort_name: string;
}

export interface ClientListSql {
  sql: string;
  params: unknown[];
}

/**
 * The WHERE conditions a search and an id filter add. The name search is `ILIKE '%…%'`, which
 * clients_name_trgm_idx (gin_trgm_ops, migration 1795819200000) answers from three characters on;
 * shorter words match the same way over the (small) table.
 */
function filters(request: Pick<ClientListRequest, 'q' | 'ids'>, params: unknown[]): string[] {
  const conditions: string[] = [];
  const q = request.q?.trim();
  if (q) {
    params.push(`%${escapeLike(q)}%`);
    conditions.push(`c.name ILIKE $${params.length} ESCAPE '\\'`);
  }
  if (request.ids) {
    params.push(request.ids);
    conditions.push(`c.id = ANY($${params.length}::uuid[])`);
  }
  return conditions;
}

/** One page plus one row (to know whether another page follows). */
export function clientPageSql(request: ClientListRequest): ClientListSql {
  const params: unknown[] = [];
  const conditions = filters(request, params);
  if (request.cursor) {
    params.push(request.cursor.name, request.cursor.id);
    const [name, id] = [`$${params.length - 1}`, `$${params.length}`];
    // The first condition is the one the index can start from; the second breaks a tie on the name.
    conditions.push(`lower(c.name) >= ${name}::text`, `(lower(c.name), c.id) > (${name}::text, ${id}::uuid)`);
  }
  params.push(request.limit + 1);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    sql: `SELECT c.id, c.name, lower(c.name) AS sort_name FROM clients c ${where}
           ORDER BY lower(c.name), c.id LIMIT $${params.length}`,
    params,
  };
}

export function clientTotalSql(request: Pick<ClientListRequest, 'q' | 'ids'>): ClientListSql {
  const params: unknown[] = [];
  const conditions = filters(request, params);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `SELECT count(*)::int AS total FROM clients c ${where}`, params };
}

export async function clientPage(manager: EntityManager, request: ClientListRequest): Promise<ClientPage> {
  const page = clientPageSql(request);
  const rows: ClientRow[] = await manager.query(page.sql, page.params);
  const total = clientTotalSql(request);
  const [counted]: { total: number }[] = await manager.query(total.sql, total.params);
  const shown = rows.slice(0, request.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(({ id, name }) => ({ id, name })),
    nextCursor: rows.length > request.limit && last ? encodeNameCursor({ name: last.sort_name, id: last.id }) : null,
    total: counted.total,
  };
}
