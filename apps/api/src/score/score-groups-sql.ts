import { ScoreGroupSort, ScoreGrouping, SortDirection } from '@heardback/contracts';
import { GROUP_NAME_JOINS } from './score-names';
import {
  ScorePeriod,
  ScoreScope,
  SqlParams,
  promisesSql,
  rejectionsSql,
  satisfactionSql,
  silenceSql,
  timeToFeedbackSql,
} from './score-sql';

/**
 * One grouping's table, sorted and paged in PostgreSQL (ADR 0045). It wraps the score's own
 * statements (score-sql.ts), each as a CTE (time to feedback and promises at their group level only,
 * ADR 0052), joins them on the group key with the groups' names, and orders by the chosen figure, so
 * only a page leaves the database and the figures are the very ones the report shows.
 */

/**
 * Where the last page ended: the sort's value there (PostgreSQL text; null last), the name and detail
 * that break its ties (lower case, as PostgreSQL compares them) and the group's id.
 */
export interface GroupsAfter {
  isNull: boolean;
  value: string;
  name: string;
  detail: string;
  id: string;
}

export interface GroupsOrder {
  sort: ScoreGroupSort;
  direction: SortDirection;
  /** Satisfaction figures below this many answers are withheld from the viewer, so they do not sort either. */
  withholdBelow: number | null;
}

/** A row as the statement returns it: every figure's raw columns, the sort's value and the total. */
export interface GroupsRow {
  id: string;
  name: string;
  detail: string | null;
  count: number | null;
  median: number | string | null;
  p90: number | string | null;
  kept: number | null;
  redated: number | null;
  broken: number | null;
  open: number | null;
  since: Date | null;
  application_id: string | null;
  after_interview: number | null;
  with_words: number | null;
  responses: number | null;
  scored: number | null;
  promoters: number | null;
  detractors: number | null;
  informed_answers: number | null;
  ghosted: number | null;
  sort_null: boolean;
  sort_text: string;
  tie_name: string;
  tie_detail: string;
  total: number;
}

/** Whether a sort's value is text (compared as text) or a number (compared as numeric). */
export function sortIsText(sort: ScoreGroupSort): boolean {
  return sort === ScoreGroupSort.Name;
}

/**
 * Each sort's value over the joined columns, rounded as the figure is shown (so groups that show the
 * same figure tie, and go by name); null when the group has no such figure. Longest silence is the
 * oldest last-heard instant, negated so that larger is longer.
 */
function sortValue(sort: ScoreGroupSort, withholdBelow: number | null): string {
  const withheld = withholdBelow === null ? 'false' : `(coalesce(responses, 0) < ${Number(withholdBelow)})`;
  const due = 'nullif(coalesce(kept, 0) + coalesce(redated, 0) + coalesce(broken, 0), 0)';
  const values: Record<ScoreGroupSort, string> = {
    [ScoreGroupSort.Name]: 'lower(name)',
    [ScoreGroupSort.Interviews]: 'coalesce(count, 0)::numeric',
    [ScoreGroupSort.Median]: 'round(median::numeric, 2)',
    [ScoreGroupSort.P90]: 'round(p90::numeric, 2)',
    [ScoreGroupSort.Kept]: `round(coalesce(kept, 0)::numeric / ${due}, 4)`,
    [ScoreGroupSort.Redated]: `round(coalesce(redated, 0)::numeric / ${due}, 4)`,
    [ScoreGroupSort.Broken]: `round(coalesce(broken, 0)::numeric / ${due}, 4)`,
    [ScoreGroupSort.Silence]: '-extract(epoch FROM since)',
    [ScoreGroupSort.Words]: 'round(with_words::numeric / nullif(after_interview, 0), 4)',
    [ScoreGroupSort.Cnps]: `CASE WHEN NOT ${withheld} AND scored > 0
                              THEN round((promoters - detractors) * 100::numeric / scored, 1) END`,
    [ScoreGroupSort.Ghosted]: `CASE WHEN NOT ${withheld} AND informed_answers > 0
                                 THEN round(ghosted * 100::numeric / informed_answers, 1) END`,
  };
  return values[sort];
}

/**
 * The page after `after` (the first page without it), `limit` + 1 rows so the caller knows whether
 * another follows; every row with no limit (the CSV). Nulls last in either direction: ascending
 * orders by (is null, value), descending by (is not null, value) downwards. Ties go by the name the
 * row shows, then its detail (a job's client, an interviewer's), then id: A first whichever way a
 * figure runs, since a reader reads a run of equal figures as a list of names (ADR 0045's addendum);
 * sorting by name turns the whole order round. One row comparison, or two when the figure and its
 * tie-break run opposite ways, finds the next page.
 */
export function scoreGroupsSql(
  by: ScoreGrouping,
  scope: ScoreScope,
  period: ScorePeriod,
  order: GroupsOrder,
  page: { after: GroupsAfter | null; limit: number | null },
  params: SqlParams,
): string {
  const names = GROUP_NAME_JOINS[by];
  const text = sortIsText(order.sort);
  const zero = text ? `''::text` : '0::numeric';
  const ascending = order.direction === SortDirection.Asc;
  const flag = ascending ? 'sort_value IS NULL' : 'sort_value IS NOT NULL';
  const value = `coalesce(sort_value, ${zero})`;
  const way = ascending ? 'ASC' : 'DESC';
  const tieAscending = text ? ascending : true;
  const tieWay = tieAscending ? 'ASC' : 'DESC';
  const orderBy = `${flag} ${way}, ${value} ${way}, tie_name ${tieWay}, tie_detail ${tieWay}, id ${tieWay}`;
  return `WITH g_ttf AS (${timeToFeedbackSql(by, scope, period, params, 'groups')}),
    g_promises AS (${promisesSql(by, scope, period, params, 'groups')}),
    g_silence AS (${silenceSql(by, scope, params)}),
    g_rejections AS (${rejectionsSql(by, scope, period, params)}),
    g_satisfaction AS (${satisfactionSql(by, scope, period, params)}),
    g_keys AS (
      SELECT key FROM g_ttf WHERE level = 'group' UNION SELECT key FROM g_promises WHERE level = 'group'
      UNION SELECT key FROM g_silence UNION SELECT key FROM g_rejections UNION SELECT key FROM g_satisfaction
    ),
    g AS (
      SELECT k.key AS id, coalesce(${names.name}, 'Unknown') AS name, ${names.detail} AS detail,
             t.count, t.median, t.p90, p.kept, p.redated, p.broken,
             s.open, s.since, s.application_id, r.after_interview, r.with_words,
             sa.responses, sa.scored, sa.promoters, sa.detractors, sa.informed_answers, sa.ghosted
        FROM g_keys k
        LEFT JOIN g_ttf t ON t.level = 'group' AND t.key = k.key
        LEFT JOIN g_promises p ON p.level = 'group' AND p.key = k.key
        LEFT JOIN g_silence s ON s.key = k.key
        LEFT JOIN g_rejections r ON r.key = k.key
        LEFT JOIN g_satisfaction sa ON sa.key = k.key
        ${names.join}
       WHERE k.key IS NOT NULL
    ),
    sorted AS (
      SELECT g.*, ${sortValue(order.sort, order.withholdBelow)} AS sort_value,
             lower(name) AS tie_name, lower(coalesce(detail, '')) AS tie_detail
        FROM g
    ),
    page AS (
      SELECT sorted.*, sort_value IS NULL AS sort_null, ${value}::text AS sort_text
        FROM sorted
        ${page.after ? `WHERE ${afterPlace(page.after, { flag, value, text, ascending, tieAscending }, params)}` : ''}
       ORDER BY ${orderBy}
       ${page.limit === null ? '' : `LIMIT ${params.add(page.limit + 1, '::int')}`}
    )
    -- One row even past the last page (id null), so the total is always there.
    SELECT page.*, counted.total FROM (SELECT count(*)::int AS total FROM g) counted
      LEFT JOIN page ON true
     ORDER BY ${orderBy}`;
}

/**
 * The rows after the last page's: past it by the figure, or level with it and past it by name,
 * detail and id. Every part of the place is a bound parameter.
 */
function afterPlace(
  after: GroupsAfter,
  order: { flag: string; value: string; text: boolean; ascending: boolean; tieAscending: boolean },
  params: SqlParams,
): string {
  const flagThere = params.add(order.ascending ? after.isNull : !after.isNull, '::boolean');
  const valueThere = params.add(after.value, order.text ? '::text' : '::numeric');
  const [nameThere, detailThere] = [params.add(after.name, '::text'), params.add(after.detail, '::text')];
  const idThere = params.add(after.id, '::uuid');
  const past = (ascending: boolean) => (ascending ? '>' : '<');
  if (order.ascending === order.tieAscending) {
    return `(${order.flag}, ${order.value}, tie_name, tie_detail, id) ${past(order.ascending)}
            (${flagThere}, ${valueThere}, ${nameThere}, ${detailThere}, ${idThere})`;
  }
  const figure = `(${order.flag}, ${order.value})`;
  const figureThere = `(${flagThere}, ${valueThere})`;
  return `(${figure} ${past(order.ascending)} ${figureThere}
           OR (${figure} = ${figureThere}
               AND (tie_name, tie_detail, id) ${past(order.tieAscending)} (${nameThere}, ${detailThere}, ${idThere})))`;
}
