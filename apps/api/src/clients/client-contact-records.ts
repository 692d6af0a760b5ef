import { CLIENT_ARCHIVED_CONTACTS_SHOWN, ClientContactView, INTERVIEWERS_MAX } from '@heardback/contracts';
import { fieldError } from '@heardback/domain';
import { EntityManager } from 'typeorm';

/** A row of `client_contacts` as the queries below select it. */
export interface ClientContactRow {
  id: string;
  client_id: string;
  full_name: string;
  email: string;
  role: string;
  archived_at: Date | null;
}

/** A picked client interviewer as the agency's stage view shows them. */
export interface StageClientInterviewer {
  id: string;
  fullName: string;
  email: string;
  role: string;
}

const CONTACT_COLUMNS = 'id, client_id, full_name, email, role, archived_at';

export function toClientContactView(row: ClientContactRow): ClientContactView {
  return {
    id: row.id,
    clientId: row.client_id,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}

/**
 * A client's contacts for its page: every live one (the limit keeps them few), then the most
 * recently archived, each group by name, in two index-backed queries.
 */
export async function loadClientContacts(
  manager: EntityManager,
  clientId: string,
): Promise<{ contacts: ClientContactView[]; archivedTotal: number }> {
  const rows: ClientContactRow[] = await manager.query(
    `(SELECT ${CONTACT_COLUMNS}, 0 AS archived_group, lower(full_name) AS sort_name FROM client_contacts
       WHERE client_id = $1 AND archived_at IS NULL)
     UNION ALL
     (SELECT ${CONTACT_COLUMNS}, 1 AS archived_group, lower(full_name) AS sort_name FROM client_contacts
       WHERE client_id = $1 AND archived_at IS NOT NULL ORDER BY archived_at DESC, id LIMIT $2)
     ORDER BY archived_group, sort_name, id`,
    [clientId, CLIENT_ARCHIVED_CONTACTS_SHOWN],
  );
  const [{ n }]: { n: number }[] = await manager.query(
    'SELECT count(*)::int AS n FROM client_contacts WHERE client_id = $1 AND archived_at IS NOT NULL',
    [clientId],
  );
  return { contacts: rows.map(toClientContactView), archivedTotal: n };
}

export async function loadClientContact(
  manager: EntityManager,
  clientId: string,
  contactId: string,
  options: { lock?: boolean } = {},
): Promise<ClientContactRow | null> {
  const rows: ClientContactRow[] = await manager.query(
    `SELECT ${CONTACT_COLUMNS} FROM client_contacts WHERE id = $1 AND client_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [contactId, clientId],
  );
  return rows[0] ?? null;
}

/**
 * Of `ids`, the live contacts of the client, in the order of `ids`; ids that are not are left out.
 * Share-locked, so a contact cannot be archived while the caller's transaction picks them.
 */
export async function loadLiveContacts(
  manager: EntityManager,
  clientId: string,
  ids: readonly string[],
): Promise<ClientContactRow[]> {
  if (ids.length === 0) return [];
  const rows: ClientContactRow[] = await manager.query(
    `SELECT ${CONTACT_COLUMNS} FROM client_contacts
      WHERE id = ANY($1::uuid[]) AND client_id = $2 AND archived_at IS NULL
      FOR SHARE`,
    [ids, clientId],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A picked client interviewer as read, with the stage they were picked for. */
export interface StageClientInterviewerRow {
  stage_id: string;
  id: string;
  full_name: string;
  email: string;
  role: string;
}

/** The client interviewers picked for the stages `stageIds` (an SQL expression of a uuid[]), by name. */
export function stageClientInterviewersSql(stageIds: string): string {
  return `SELECT picked.stage_id, contact.id, contact.full_name, contact.email, contact.role
       FROM stage_client_interviewers picked
       JOIN client_contacts contact ON contact.id = picked.contact_id
      WHERE picked.stage_id = ANY(${stageIds})
      ORDER BY lower(contact.full_name), contact.id`;
}

/** Rows of stageClientInterviewersSql by stage, in their order. */
export function clientInterviewersByStage(
  rows: readonly StageClientInterviewerRow[],
): Map<string, StageClientInterviewer[]> {
  const byStage = new Map<string, StageClientInterviewer[]>();
  for (const row of rows) {
    const list = byStage.get(row.stage_id) ?? [];
    list.push({ id: row.id, fullName: row.full_name, email: row.email, role: row.role });
    byStage.set(row.stage_id, list);
  }
  return byStage;
}

/** Makes `contactIds` the stage's picked client interviewers, replacing any picked before. */
export async function replaceStageClientInterviewers(
  manager: EntityManager,
  stageId: string,
  contactIds: readonly string[],
): Promise<void> {
  await manager.query('DELETE FROM stage_client_interviewers WHERE stage_id = $1', [stageId]);
  if (contactIds.length === 0) return;
  await manager.query(
    `INSERT INTO stage_client_interviewers (stage_id, contact_id)
     SELECT $1, unnest($2::uuid[])`,
    [stageId, contactIds],
  );
}

/**
 * The contacts a schedule request picks as interviewers, checked: each must be a live contact of the
 * job's client (an archived one, or another client's, is refused by name), and together with the
 * interviewers named in free text there are at most INTERVIEWERS_MAX.
 */
export async function pickClientInterviewers(
  manager: EntityManager,
  clientId: string,
  contactIds: readonly string[],
  namedInFreeText: number,
): Promise<StageClientInterviewer[]> {
  if (contactIds.length + namedInFreeText > INTERVIEWERS_MAX) {
    throw fieldError(
      'clientInterviewerIds',
      `with the interviewers named, must be at most ${INTERVIEWERS_MAX} people in all`,
    );
  }
  const contacts = await loadLiveContacts(manager, clientId, contactIds);
  if (contacts.length !== contactIds.length) {
    throw fieldError('clientInterviewerIds', 'each must be a current contact of the job’s client');
  }
  return contacts.map((row) => ({ id: row.id, fullName: row.full_name, email: row.email, role: row.role }));
}
