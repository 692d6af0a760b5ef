import { ScoreGrouping } from '@heardback/contracts';
import { DataSource } from 'typeorm';

/** What a score row is called: a person's name, a client's, or a job's title with its client. */
export interface GroupName {
  name: string;
  detail: string | null;
}

const NAMES: Record<ScoreGrouping, string> = {
  [ScoreGrouping.Recruiter]: `SELECT id, full_name AS name, NULL AS detail FROM users WHERE id = ANY($1::uuid[])`,
  [ScoreGrouping.Client]: `SELECT id, name, NULL AS detail FROM clients WHERE id = ANY($1::uuid[])`,
  [ScoreGrouping.Job]: `SELECT id, title AS name, client_name AS detail FROM jobs WHERE id = ANY($1::uuid[])`,
  [ScoreGrouping.Interviewer]: `SELECT cc.id, cc.full_name AS name, c.name AS detail
                                  FROM client_contacts cc JOIN clients c ON c.id = cc.client_id
                                 WHERE cc.id = ANY($1::uuid[])`,
};

/** The names of the groups on a page of the score, looked up by primary key. */
export async function groupNames(
  dataSource: DataSource,
  by: ScoreGrouping,
  ids: string[],
): Promise<Map<string, GroupName>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string; detail: string | null }[] = await dataSource.query(NAMES[by], [ids]);
  return new Map(rows.map((row) => [row.id, { name: row.name, detail: row.detail }]));
}

/** The same names as a join on a group key (`k.key`), for a statement that sorts and pages by name. */
export const GROUP_NAME_JOINS: Record<ScoreGrouping, { join: string; name: string; detail: string }> = {
  [ScoreGrouping.Recruiter]: { join: 'LEFT JOIN users n ON n.id = k.key', name: 'n.full_name', detail: 'NULL::text' },
  [ScoreGrouping.Client]: { join: 'LEFT JOIN clients n ON n.id = k.key', name: 'n.name', detail: 'NULL::text' },
  [ScoreGrouping.Job]: { join: 'LEFT JOIN jobs n ON n.id = k.key', name: 'n.title', detail: 'n.client_name' },
  [ScoreGrouping.Interviewer]: {
    join: 'LEFT JOIN client_contacts n ON n.id = k.key LEFT JOIN clients nc ON nc.id = n.client_id',
    name: 'n.full_name',
    detail: 'nc.name',
  },
};
