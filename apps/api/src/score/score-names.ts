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
