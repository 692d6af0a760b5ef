// The SQL that fills a migrated Heardback database with a benchmark dataset, set-based (INSERT …
// SELECT over generate_series), with every trigger and constraint on: the database's own rules hold
// for the generated rows as they do for the API's. Shape (per N jobs, see docs/benchmarks.md):
// a few thousand clients, ~1 application per job, ~2.4 stages and ~7 timeline events per application,
// feedback for every stage that took place, statuses spread as an agency's are, dates over a year.
//
// Ids of applications and stages are derived from their numbers (md5 → uuid), so applications can
// point at their current stage before the stages exist (that foreign key is deferred to COMMIT) and
// no UPDATE ever runs: the update triggers (feedback required before moving on) stay untouched.

/** Bump when the generated data changes: a database built by another version is rebuilt. */
export const DATASET_VERSION = 3;

/** The password of every generated user; `hash` is one argon2id hash of it, computed once. */
export const BENCH_PASSWORD = 'bench-password-1';
export const BENCH_LOGINS = {
  staff: 'staff@bench.test',
  recruiter: 'recruiter@bench.test',
  candidate: 'candidate@bench.test',
};
/** The bench candidate's applications: enough that a per-application query shows (the issue's 50). */
export const BENCH_CANDIDATE_APPLICATIONS = 50;

/**
 * @param {number} jobs
 * @returns {{ jobs: number, applications: number, clients: number, recruiters: number, staff: number, candidates: number }}
 */
export function datasetShape(jobs) {
  const applications = jobs;
  return {
    jobs,
    applications,
    clients: Math.max(50, Math.min(5000, Math.round(jobs / 30))),
    recruiters: Math.max(10, Math.round(jobs / 1000)),
    staff: 10,
    // ~1.25 applications per candidate: most apply once, some several times.
    candidates: Math.round(applications * 0.8),
  };
}

const FIRST_NAMES = `ARRAY['Ada','Ben','Chloe','Dev','Elif','Femi','Grace','Hugo','Ines','Jan','Kofi','Lena','Mateo','Noor',
  'Olga','Pavel','Quinn','Rosa','Sven','Tariq','Uma','Victor','Wen','Yusuf','Zoe']`;
const surname = (/** @type {string} */ seed) =>
  `initcap(translate(substr(md5(${seed}), 1, 7), '0123456789', 'aeiouybrst'))`;

/**
 * Statements in order (simple protocol: several per entry), each with a label for progress.
 * @param {number} jobs @param {string} passwordHash one argon2id hash, given to every user
 * @returns {{ label: string, sql: string }[]}
 */
export function datasetStatements(jobs, passwordHash) {
  const s = datasetShape(jobs);
  const hash = `'${passwordHash.replace(/'/g, "''")}'`;
  const first = (/** @type {string | number} */ n) => `(${FIRST_NAMES})[1 + (${n}) % 25]`;
  return [
    { label: 'settings', sql: `SET synchronous_commit = off; SET work_mem = '64MB'; SELECT setseed(0.2026)` },
    {
      label: `users: ${s.staff} staff, ${s.recruiters} recruiters, ${s.candidates} candidates`,
      sql: `
        INSERT INTO users (email, password_hash, full_name, role, is_agency_lead, created_at, last_signed_in_at, time_zone)
        SELECT CASE WHEN n = 1 THEN '${BENCH_LOGINS.staff}' ELSE 'staff' || n || '@bench.test' END, ${hash},
               ${first('n')} || ' ' || ${surname(`'staff' || n`)}, 'staff', n = 1,
               now() - interval '400 days', now() - random() * interval '20 days', 'Europe/London'
          FROM generate_series(1, ${s.staff}) n;
        INSERT INTO users (email, password_hash, full_name, role, created_at, last_signed_in_at)
        SELECT CASE WHEN n = 1 THEN '${BENCH_LOGINS.recruiter}' ELSE 'recruiter' || n || '@bench.test' END, ${hash},
               ${first('n + 7')} || ' ' || ${surname(`'recruiter' || n`)}, 'recruiter',
               now() - interval '400 days', now() - random() * interval '20 days'
          FROM generate_series(1, ${s.recruiters}) n;
        INSERT INTO users (email, password_hash, full_name, role, created_at, last_signed_in_at)
        SELECT CASE WHEN n = 1 THEN '${BENCH_LOGINS.candidate}' ELSE 'c' || n || '.' || substr(md5('mail' || n), 1, 5) || '@example.test' END,
               ${hash}, ${first('n')} || ' ' || ${surname(`'name' || n`)}, 'candidate', created, created + random() * (now() - created)
          FROM (SELECT n, now() - interval '1 day' - random() * interval '365 days' AS created
                  FROM generate_series(1, ${s.candidates}) n) c;
        CREATE TEMP TABLE bench_recruiters AS
          SELECT row_number() OVER (ORDER BY email) AS n, id FROM users WHERE role = 'recruiter';
        CREATE TEMP TABLE bench_candidates AS
          SELECT row_number() OVER (ORDER BY email = '${BENCH_LOGINS.candidate}' DESC, email) AS n, id
            FROM users WHERE role = 'candidate';
        CREATE UNIQUE INDEX ON bench_candidates (n);`,
    },
    {
      label: `clients: ${s.clients}`,
      sql: `
        INSERT INTO clients (name, created_at)
        SELECT initcap(translate(substr(md5('client' || n), 1, 8), '0123456789', 'aeiourstln')) || ' ' ||
               (ARRAY['Ltd','Group','Labs','Systems','Partners','Health','Logistics','Foods','Energy','Bank'])[1 + n % 10],
               now() - interval '730 days' + n * interval '1 minute'
          FROM generate_series(1, ${s.clients}) n
        ON CONFLICT DO NOTHING;
        CREATE TEMP TABLE bench_clients AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM clients;
        CREATE UNIQUE INDEX ON bench_clients (n);`,
    },
    {
      label: `jobs: ${s.jobs}`,
      sql: `
        INSERT INTO jobs (id, client_id, title, description, location, work_mode, employment_type, salary_min, salary_max,
                          salary_currency, status, owner_id, pipeline, answer_within_working_days,
                          screening_within_working_days, published_at, created_at, updated_at)
        SELECT md5('job' || p.n)::uuid, c.id,
               (ARRAY['Junior','','Senior','Lead','Principal'])[1 + p.n % 5] ||
               CASE WHEN p.n % 5 = 1 THEN '' ELSE ' ' END ||
               (ARRAY['Backend','Frontend','Data','Platform','Mobile','Security','Site Reliability','Product','Finance',
                      'Warehouse','Marketing','Sales','Nursing','Logistics','Customer Support'])[1 + (p.n / 5) % 15] || ' ' ||
               (ARRAY['Engineer','Analyst','Designer','Manager','Specialist','Consultant','Operator','Coordinator'])[1 + (p.n / 75) % 8],
               (ARRAY['You will join a small team that ships every week.', 'We value clear writing and kind reviews.',
                      'The role reports to the head of the department and works closely with clients.',
                      'Expect on-call once a month, paid.', 'We use PostgreSQL, TypeScript and Node.js.',
                      'Experience with Kubernetes and Terraform helps.', 'You will mentor two junior colleagues.',
                      'Travel to client sites about twice a quarter.', 'Flexible hours and a four-day week are possible.',
                      'You will own forecasting and monthly reporting.', 'Fluent English; Dutch or German is a plus.',
                      'A driving licence is required for this role.'])[1 + p.n % 12] || ' ' ||
               (ARRAY['Our clients are hospitals, shops and banks.', 'The office is next to the station.',
                      'We publish salaries for every role.', 'Training budget of 2,000 a year.',
                      'Pension, private health care and 28 days of holiday.', 'Hiring managers answer within two days.'])[1 + (p.n / 12) % 6] || ' ' ||
               'Reference ' || upper(substr(md5('ref' || p.n), 1, 6)) || '.',
               (ARRAY['London','Manchester','Bristol','Leeds','Glasgow','Edinburgh','Cardiff','Belfast','Birmingham','Rotterdam',
                      'Amsterdam','Utrecht','Berlin','Hamburg','Munich','Dublin','Paris','Lyon','Madrid','Lisbon','Remote (UK)',
                      'Remote (EU)','Orchard Park','Cambridge','Oxford'])[1 + (p.n * 7) % 25],
               (ARRAY['onsite','hybrid','remote'])[1 + p.n % 3],
               (ARRAY['full_time','full_time','full_time','part_time','contract','temporary','internship'])[1 + (p.n / 3) % 7],
               CASE WHEN p.r4 < 0.7 THEN 20000 + floor(p.r4 * 100) * 1000 END,
               CASE WHEN p.r4 < 0.7 THEN 30000 + floor(p.r4 * 100) * 1000 + floor(p.r3 * 20) * 1000 END,
               CASE WHEN p.r4 < 0.7 THEN (ARRAY['GBP','EUR'])[1 + p.n % 2] END,
               p.status, r.id,
               (ARRAY['Phone screen', (ARRAY['Technical interview','Case study','Portfolio review'])[1 + p.n % 3],
                      'Final interview', 'Meet the team'])[1:p.k],
               2 + p.n % 4, 3 + p.n % 3, p.published_at,
               coalesce(p.published_at, now() - p.r2 * interval '365 days') - interval '2 days',
               coalesce(p.published_at, now() - p.r2 * interval '365 days')
          FROM (SELECT n, r2, r3, r4,
                       CASE WHEN r1 < 0.05 THEN 'draft' WHEN r1 < 0.65 THEN 'open' WHEN r1 < 0.85 THEN 'closed' ELSE 'filled' END AS status,
                       CASE WHEN r1 < 0.05 THEN NULL ELSE now() - interval '2 days' - r2 * interval '363 days' END AS published_at,
                       CASE WHEN r3 < 0.2 THEN 1 WHEN r3 < 0.55 THEN 2 WHEN r3 < 0.85 THEN 3 ELSE 4 END AS k
                  FROM (SELECT n, random() r1, random() r2, random() r3, random() r4
                          FROM generate_series(1, ${s.jobs}) n) rnd) p
          JOIN bench_clients c ON c.n = (p.n::bigint * 7919) % (SELECT count(*) FROM bench_clients)
          JOIN bench_recruiters r ON r.n = 1 + p.n % ${s.recruiters};`,
    },
    {
      label: `plan: ${s.applications} applications`,
      sql: `
        CREATE TEMP TABLE bench_jobs AS
          SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, status, published_at, cardinality(pipeline) AS k, pipeline,
                 owner_id, answer_within_working_days AS answer_days
            FROM jobs WHERE status <> 'draft';
        CREATE UNIQUE INDEX ON bench_jobs (n);
        -- Candidate 1 (the bench login) applies to ${BENCH_CANDIDATE_APPLICATIONS} jobs; everyone else ~1.25 times,
        -- on distinct jobs (one open application per candidate and job is a unique index).
        CREATE TEMP TABLE bench_plan AS
        SELECT a.n, md5('application' || a.n)::uuid AS id, job.id AS job_id, cand.id AS candidate_id, job.status AS job_status,
               job.k, job.pipeline, job.owner_id, job.answer_days, job.published_at, r1, r2, r3, r4, r5,
               NULL::text AS status, NULL::int AS p, NULL::text AS current_state, NULL::timestamptz AS created_at
          FROM (SELECT n, random() r1, random() r2, random() r3, random() r4, random() r5,
                       CASE WHEN n <= ${BENCH_CANDIDATE_APPLICATIONS} THEN 1
                            ELSE 2 + (n - ${BENCH_CANDIDATE_APPLICATIONS + 1}) % ${s.candidates - 1} END AS cn,
                       CASE WHEN n <= ${BENCH_CANDIDATE_APPLICATIONS} THEN (n::bigint * 9973) % (SELECT count(*) FROM bench_jobs)
                            ELSE ((n - ${BENCH_CANDIDATE_APPLICATIONS + 1})::bigint * 7919
                                  + ((n - ${BENCH_CANDIDATE_APPLICATIONS + 1}) / ${s.candidates - 1}) * 104729)
                                 % (SELECT count(*) FROM bench_jobs) END AS jn
                  FROM generate_series(1, ${s.applications}) n) a
          JOIN bench_jobs job ON job.n = a.jn
          JOIN bench_candidates cand ON cand.n = a.cn;
        UPDATE bench_plan SET status = CASE
            WHEN job_status = 'open' THEN
              CASE WHEN r1 < 0.06 THEN 'applied' WHEN r1 < 0.20 THEN 'screening'
                   WHEN r1 < 0.50 THEN CASE WHEN k > 1 THEN 'interviewing' ELSE 'screening' END
                   WHEN r1 < 0.53 THEN 'offer' WHEN r1 < 0.55 THEN 'hired' WHEN r1 < 0.90 THEN 'rejected' ELSE 'withdrawn' END
            ELSE CASE WHEN r1 < 0.05 THEN 'hired' WHEN r1 < 0.65 THEN 'rejected' WHEN r1 < 0.75 THEN 'withdrawn' ELSE 'job_closed' END
          END,
          created_at = published_at + r4 * (now() - interval '1 day' - published_at);
        UPDATE bench_plan SET
          p = CASE status WHEN 'applied' THEN 0 WHEN 'screening' THEN 0
                          WHEN 'interviewing' THEN 1 + floor(r2 * (k - 1))::int
                          WHEN 'offer' THEN k - 1 WHEN 'hired' THEN k - 1
                          ELSE floor(r2 * k)::int END,
          current_state = CASE
            WHEN status IN ('screening', 'interviewing') THEN
              CASE WHEN r3 < 0.35 THEN 'pending' WHEN r3 < 0.85 THEN 'scheduled' ELSE 'awaiting_feedback' END
            WHEN status IN ('offer', 'hired', 'rejected') THEN 'feedback_recorded'
            ELSE 'pending' END;
        CREATE UNIQUE INDEX ON bench_plan (n);
        -- One row per stage: its state, its times, and the feedback it has (if it took place).
        CREATE TEMP TABLE bench_stages AS
        SELECT x.*,
               CASE WHEN x.state IN ('feedback_recorded', 'awaiting_feedback')
                    THEN x.created_at + (now() - x.created_at) * (x.i + 1) / (x.p + 2)
                    WHEN x.state = 'scheduled' THEN date_trunc('hour', now()) + (1 + floor(x.r5 * 14)) * interval '1 day' + interval '10 hours'
               END AS starts_at
          FROM (SELECT pl.n, pl.id AS application_id, pl.candidate_id, pl.owner_id, pl.status, pl.p, pl.k, pl.created_at,
                       pl.answer_days, pl.r5, i, md5('stage' || pl.n || '/' || i)::uuid AS stage_id, pl.pipeline[i + 1] AS name,
                       CASE WHEN i < pl.p THEN 'feedback_recorded' WHEN i = pl.p THEN pl.current_state ELSE 'pending' END AS state,
                       CASE WHEN i < pl.p OR (i = pl.p AND pl.status IN ('offer', 'hired')) THEN 'advance'
                            WHEN i = pl.p AND pl.status = 'rejected' THEN 'reject' END AS decision
                  FROM bench_plan pl CROSS JOIN LATERAL generate_series(0, pl.k - 1) i) x;
        ALTER TABLE bench_stages ADD COLUMN ends_at timestamptz, ADD COLUMN recorded_at timestamptz;
        UPDATE bench_stages SET ends_at = starts_at + interval '45 minutes',
                                recorded_at = CASE WHEN decision IS NOT NULL
                                              THEN starts_at + interval '45 minutes' + (now() - created_at) / (p + 2) * 0.3 END;`,
    },
    {
      label: 'applications and stages',
      sql: `
        BEGIN;
        INSERT INTO applications (id, job_id, candidate_id, status, current_stage_id, version, rejection_message,
                                  withdrawal_reason, created_at, updated_at, closed_at, offer_reply_by, screening_answers)
        SELECT id, job_id, candidate_id, status, md5('stage' || n || '/' || p)::uuid, 1 + 2 * p,
               CASE WHEN status = 'rejected' THEN 'Thank you for your time: we have decided not to go ahead.'
                    WHEN status = 'job_closed' THEN 'The client has closed this job; thank you for applying.' END,
               CASE WHEN status = 'withdrawn' AND r5 < 0.5 THEN 'I accepted another offer.' END,
               created_at, created_at + (now() - created_at) * (p + 1) / (p + 2),
               CASE WHEN status NOT IN ('applied', 'screening', 'interviewing', 'offer')
                    THEN created_at + (now() - created_at) * (p + 1.5) / (p + 2) END,
               CASE WHEN status = 'offer' THEN now() + (1 + floor(r5 * 7)) * interval '1 day' END,
               '[]'::jsonb
          FROM bench_plan;
        INSERT INTO application_stages (id, application_id, position, name, state, starts_at, ends_at, location,
                                        interviewers, feedback_due_at, held_at)
        SELECT stage_id, application_id, i, name, state, starts_at, ends_at,
               CASE WHEN starts_at IS NOT NULL THEN (ARRAY['Video call', 'Client office', 'Phone'])[1 + n % 3] END,
               CASE WHEN starts_at IS NOT NULL THEN ARRAY['Alex Morgan'] ELSE '{}' END,
               ends_at + answer_days * interval '1 day',
               CASE WHEN state = 'feedback_recorded' THEN ends_at END
          FROM bench_stages;
        COMMIT;`,
    },
    // The feedback triggers rebuild each application's score facts with plans PostgreSQL caches for
    // the whole statement; planned on the empty tables the migrations left, they scan every row so far
    // for each new one (hours at 100k). A first slice and ANALYZE give the planner the tables' real
    // shape, and the rest then costs the same per row at any size.
    { label: 'statistics before feedback', sql: 'ANALYZE' },
    { label: 'feedback, first slice', sql: `${feedbackInsert('s.n % 64 = 0')}; ANALYZE;` },
    { label: 'feedback', sql: `${feedbackInsert('s.n % 64 <> 0')}; ANALYZE;` },
    {
      label: 'timeline events',
      sql: `
        INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id, stage_id,
                                     interview_starts_at, interview_ends_at, interview_location)
        SELECT id, created_at, 'applied', 'You applied.', true, candidate_id, NULL, NULL, NULL, NULL FROM bench_plan
        UNION ALL
        SELECT application_id, least(now(), starts_at) - (least(now(), starts_at) - created_at) * 0.3, 'stage_scheduled',
               name || ': ' || to_char(starts_at, 'Dy DD Mon HH24:MI'), v, owner_id, stage_id,
               CASE WHEN v THEN starts_at END, CASE WHEN v THEN ends_at END, CASE WHEN v THEN 'Video call' END
          FROM bench_stages CROSS JOIN (VALUES (true), (false)) vis(v) WHERE starts_at IS NOT NULL
        UNION ALL
        SELECT application_id, recorded_at, 'feedback_recorded',
               CASE WHEN v THEN 'Feedback on ' || name || ': thank you for your time.' ELSE 'Feedback recorded: ' || decision END,
               v, owner_id, stage_id, NULL, NULL, NULL
          FROM bench_stages CROSS JOIN (VALUES (true), (false)) vis(v) WHERE decision IS NOT NULL
        UNION ALL
        SELECT application_id, recorded_at, CASE WHEN i + 1 < k THEN 'stage_started' ELSE 'offer_made' END,
               CASE WHEN i + 1 < k THEN 'You are through to the next stage.' ELSE 'You passed every stage: an offer follows.' END,
               true, owner_id, CASE WHEN i + 1 < k THEN md5('stage' || n || '/' || (i + 1))::uuid END, NULL, NULL, NULL
          FROM bench_stages WHERE decision = 'advance'
        UNION ALL
        SELECT application_id, ends_at, 'interview_ended', name || ' has ended: feedback is due.', false, NULL, stage_id,
               NULL, NULL, NULL
          FROM bench_stages WHERE state = 'awaiting_feedback'
        UNION ALL
        SELECT a.id, a.closed_at, a.status,
               CASE a.status WHEN 'withdrawn' THEN 'You withdrew your application.' WHEN 'hired' THEN 'You were hired.'
                             ELSE a.rejection_message END,
               true, CASE WHEN a.status = 'withdrawn' THEN a.candidate_id ELSE a.recruiter_id END, NULL, NULL, NULL, NULL
          FROM applications a WHERE a.closed_at IS NOT NULL;`,
    },
    {
      label: 'offers',
      sql: `
        INSERT INTO offers (application_id, title, made_by, made_at, reply_by)
        SELECT a.id, j.title, a.recruiter_id, a.updated_at, a.offer_reply_by
          FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.status = 'offer';`,
    },
    // Each promise's trigger rebuilds its application's score facts, as each feedback's does (above):
    // planned on the still empty promise tables, every insert would scan all promises so far
    // (quadratic: 44 s at 100k, over 49 min at 1M), so a first slice and ANALYZE come first here too.
    { label: 'promises, first slice', sql: `${promisesInsert('pl.n % 64 = 0')}; ANALYZE;` },
    { label: 'promises', sql: `${promisesInsert('pl.n % 64 <> 0')}; ANALYZE;` },
  ];
}

/** The promises of the planned open applications, for the slice `where` picks. @param {string} where */
function promisesInsert(where) {
  return `
        INSERT INTO application_promises (application_id, kind, stage_id, due_at, made_at, automatic)
        SELECT pl.id,
               CASE WHEN pl.status = 'applied' THEN 'screening' WHEN pl.status = 'offer' THEN 'offer_reply'
                    WHEN pl.current_state IN ('scheduled', 'awaiting_feedback') THEN 'answer' ELSE 'next_step' END,
               CASE WHEN pl.current_state IN ('scheduled', 'awaiting_feedback') THEN md5('stage' || pl.n || '/' || pl.p)::uuid END,
               now() + (1 + floor(pl.r5 * 5)) * interval '1 day', pl.created_at, true
          FROM bench_plan pl WHERE pl.status IN ('applied', 'screening', 'interviewing', 'offer') AND ${where}`;
}

/** The feedback of the planned stages that have a decision, for the slice `where` picks. @param {string} where */
function feedbackInsert(where) {
  return `
        INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, internal_notes, given_by,
                              recorded_by, recorded_at)
        SELECT s.stage_id, s.application_id, s.decision,
               CASE WHEN s.decision = 'advance' THEN 3 + s.n % 2 ELSE 1 + s.n % 2 END,
               CASE WHEN s.decision = 'advance' THEN 'Thank you: the panel liked your answers and would like to meet you again.'
                    ELSE 'Thank you for your time. The panel chose a candidate with more hands-on experience.' END,
               CASE WHEN s.n % 3 = 0 THEN 'Solid on fundamentals.' END, 'Alex Morgan', a.recruiter_id, s.recorded_at
          FROM bench_stages s JOIN applications a ON a.id = s.application_id
         WHERE s.decision IS NOT NULL AND ${where}`;
}
