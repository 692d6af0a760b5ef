// The endpoints the bench measures, who calls them, and the rows they need (a job to open, a
// candidate's stages to schedule), looked up in the dataset itself.

import { withClient } from './dataset/build-dataset.mjs';

/**
 * @typedef {'public' | 'candidate' | 'staff'} Role
 * @typedef {{ name: string, role: Role, method: 'GET' | 'POST', path: string, write: boolean }} Endpoint
 */

/** A query every board visitor types: matches about one job in eight. */
export const SEARCH_WORDS = 'engineer';

/** @param {string} url @returns {Promise<Endpoint[]>} */
export async function endpoints(url) {
  const jobId = await withClient(url, async (client) => {
    // An open job with applications, the kind people open from the board.
    const { rows } = await client.query(
      `SELECT j.id FROM jobs j WHERE j.status = 'open' AND EXISTS (SELECT 1 FROM applications a WHERE a.job_id = j.id)
        ORDER BY j.published_at DESC, j.id LIMIT 1`,
    );
    return rows[0].id;
  });
  return [
    // The framework floor: the least a request costs the API (ADR 0028's Fastify question).
    { name: 'health', role: 'public', method: 'GET', path: '/api/health', write: false },
    { name: 'board', role: 'public', method: 'GET', path: '/api/jobs', write: false },
    { name: 'search', role: 'public', method: 'GET', path: `/api/jobs?q=${SEARCH_WORDS}`, write: false },
    { name: 'job', role: 'public', method: 'GET', path: `/api/jobs/${jobId}`, write: false },
    { name: 'my-applications', role: 'candidate', method: 'GET', path: '/api/me/applications', write: false },
    { name: 'agency-jobs', role: 'staff', method: 'GET', path: '/api/agency/jobs', write: false },
    { name: 'feedback-queue', role: 'staff', method: 'GET', path: '/api/feedback/queue', write: false },
    { name: 'waiting', role: 'staff', method: 'GET', path: '/api/agency/waiting', write: false },
    {
      name: 'schedule-stage',
      role: 'staff',
      method: 'POST',
      path: '/api/applications/:id/stages/:stageId/schedule',
      write: true,
    },
  ];
}

/**
 * Current stages that can be (re)scheduled: open applications whose current stage has not taken
 * place and has no feedback. Each request takes one, moves its interview to a new future slot, and
 * gives it back with the application's new version, so no row is written twice at once and the
 * same rows serve every round (rescheduling is repeatable: the dataset does not run out).
 * @param {string} url
 * @returns {Promise<ScheduleRow[]>}
 */
export function schedulableStages(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`
      SELECT a.id AS "applicationId", s.id AS "stageId", a.version, s.starts_at AS "startsAt"
        FROM applications a JOIN application_stages s ON s.id = a.current_stage_id
       WHERE a.status IN ('screening', 'interviewing') AND s.state IN ('pending', 'scheduled')
         AND (s.ends_at IS NULL OR s.ends_at > now() + interval '1 day')
         AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id AND f.supersedes_id IS NULL)
       ORDER BY a.id LIMIT 2000`);
    return rows;
  });
}

/** @typedef {{ applicationId: string, stageId: string, version: number, startsAt: Date | null }} ScheduleRow */

/** The first slot the bench gives an interview: far ahead, on the hour. */
const FIRST_SLOT = Date.UTC(2030, 0, 1, 9);
const HOUR = 3_600_000;

/**
 * autocannon request hooks for the write: a free row per request, its new version back on success.
 * @param {ScheduleRow[]} rows @param {string} xsrf
 */
export function scheduleRequests(rows, xsrf) {
  const free = [...rows];
  return [
    {
      method: 'POST',
      /** @param {{ headers?: Record<string, string> } & Record<string, unknown>} request @param {Record<string, unknown>} context */
      setupRequest: (request, context) => {
        const row = free.shift();
        if (!row) throw new Error('schedule-stage: every schedulable stage is in use');
        // An hour after the interview's slot as it stands (2030 at the earliest), so every request,
        // in every run, has a change to make: the same slot again would be a retry the API skips.
        const startsAt = new Date(Math.max(FIRST_SLOT, (row.startsAt?.getTime() ?? 0) + HOUR));
        context.row = row;
        context.startsAt = startsAt;
        return {
          ...request,
          path: `/api/applications/${row.applicationId}/stages/${row.stageId}/schedule`,
          headers: { ...request.headers, 'content-type': 'application/json', 'x-xsrf-token': xsrf },
          body: JSON.stringify({
            version: row.version,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
            location: 'Video call',
            interviewers: ['Alex Morgan'],
          }),
        };
      },
      /** @param {number} status @param {string} body @param {Record<string, any>} context */
      onResponse: (status, body, context) => {
        const row = context.row;
        if (!row) return;
        context.row = undefined;
        if (status !== 200) return; // a conflict or an error: the row leaves the pool
        try {
          row.version = JSON.parse(body).version;
          row.startsAt = /** @type {Date} */ (context.startsAt);
          free.push(row);
        } catch {
          // an unreadable answer: leave the row out
        }
      },
    },
  ];
}
