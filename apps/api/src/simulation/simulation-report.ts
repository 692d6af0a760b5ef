import { DeadlineAlertKind, WorkingCalendar, alertTime, workingDaysBetween } from '@heardback/domain';
import { DataSource } from 'typeorm';

export interface SimulationReport {
  closedApplications: number;
  closedWithCandidateMessage: number;
  feedbackHours: { recorded: number; p50: number; p90: number; max: number; missingAtEnd: number };
  overdueNeverEscalated: number;
  longestSilenceDays: number;
  silenceP90Days: number;
  /** The same silences counted in the agency's working days, the unit the promise is made in. */
  longestSilenceWorkingDays: number;
  /**
   * Promises whose date has come (or that ended before it): kept or re-dated by then, of all of them;
   * and how the on-time ones ended (the agency acted, a person moved the date, the rules spoke).
   */
  promises: { kept: number; due: number; byAction: number; byPerson: number; automatic: number; missed: string[] };
  /** `digested`: agency reminders that went out inside a digest (ADR 0014), not on their own. */
  notifications: { written: number; sent: number; pending: number; failed: number; digested: number; digests: number };
  candidateEvents: { visible: number; emails: number; notCovered: number };
  agencyEmails: { expected: number; written: number };
  /**
   * Client interviewers' feedback through their review links (issue 13), interview end to draft in
   * working days; how many were asked, how many answered, and how many steps of their ladder fired.
   */
  clientFeedback: {
    drafts: number;
    p50: number;
    p90: number;
    asked: number;
    reminders: number;
    escalations: number;
    secondEscalations: number;
  };
  /** Offers made, how they were answered, and how many reply-by dates passed unanswered (ADR 0020). */
  offers: { made: number; accepted: number; declined: number; lapsed: number; open: number; followedUp: number };
}

/**
 * A written offer's reply-by date is the candidate's to keep, not a promise the agency makes: its
 * lapse is followed up by OfferReplyAlerts (ADR 0020), so it is left out of the promises measured.
 */
const NOT_A_WRITTEN_OFFERS_REPLY = `NOT (p.kind = 'offer_reply' AND EXISTS (SELECT 1 FROM offers o WHERE o.application_id = p.application_id))`;

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Measures the promise on what the simulation left in the database. */
export async function measure(dataSource: DataSource, end: Date, calendar: WorkingCalendar): Promise<SimulationReport> {
  const [closed] = await dataSource.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE
              (a.status IN ('rejected', 'job_closed') AND btrim(coalesce(a.rejection_message, '')) <> '')
              OR (a.status = 'withdrawn' AND btrim(coalesce(a.withdrawal_reason, '')) <> '')
              -- Declining an offer is the candidate's own closing word, a reason or not (ADR 0020).
              OR (a.status = 'withdrawn' AND EXISTS (SELECT 1 FROM timeline_events t WHERE t.application_id = a.id AND t.type = 'offer_declined'))
              OR (a.status = 'hired' AND EXISTS (SELECT 1 FROM timeline_events t WHERE t.application_id = a.id
                    AND t.type IN ('hired', 'offer_accepted') AND t.candidate_visible))
            )::int AS with_message
       FROM applications a WHERE a.status IN ('hired', 'rejected', 'withdrawn', 'job_closed')`,
  );
  const delays: { hours: number }[] = await dataSource.query(
    `SELECT extract(epoch FROM (min(f.recorded_at) - s.ends_at)) / 3600 AS hours
       FROM application_stages s JOIN feedback f ON f.stage_id = s.id
      WHERE s.ends_at IS NOT NULL
      GROUP BY s.id, s.ends_at`,
  );
  const hours = delays.map((row) => Number(row.hours)).sort((a, b) => a - b);
  const [missing] = await dataSource.query(
    `SELECT count(*)::int AS n FROM application_stages s JOIN applications a ON a.id = s.application_id
      WHERE a.status IN ('applied', 'screening', 'interviewing', 'offer') AND s.ends_at <= $1
        AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)`,
    [end],
  );
  // Escalation was due (a working day after the due time, `alertTime()`) while feedback was missing
  // and the application still open, and none was fired.
  const unescalated: { feedback_due_at: Date; until: Date }[] = await dataSource.query(
    `SELECT s.feedback_due_at, least(coalesce(first.at, $1), coalesce(closed.at, $1)) AS until
       FROM application_stages s
       LEFT JOIN LATERAL (SELECT min(f.recorded_at) AS at FROM feedback f WHERE f.stage_id = s.id) first ON true
       JOIN applications a ON a.id = s.application_id
       LEFT JOIN LATERAL (SELECT min(t.at) AS at FROM timeline_events t
                           WHERE t.application_id = a.id AND t.type IN ('withdrawn', 'rejected', 'job_closed', 'hired')) closed ON true
      WHERE s.feedback_due_at IS NOT NULL
        AND s.feedback_due_at < least(coalesce(first.at, $1), coalesce(closed.at, $1))
        AND NOT EXISTS (SELECT 1 FROM deadline_alerts d WHERE d.stage_id = s.id AND d.kind = 'escalation')`,
    [end],
  );
  const neverEscalated = {
    n: unescalated.filter(
      (row) =>
        alertTime(DeadlineAlertKind.Escalation, new Date(row.feedback_due_at), calendar).getTime() <
        new Date(row.until).getTime(),
    ).length,
  };
  // Client interviewers: from the interview's end to their draft, in the agency's working days.
  const drafts: { ends_at: Date; submitted_at: Date }[] = await dataSource.query(
    `SELECT s.ends_at, d.submitted_at FROM client_feedback_drafts d JOIN application_stages s ON s.id = d.stage_id
      WHERE s.ends_at IS NOT NULL`,
  );
  const draftDays = drafts
    .map((row) => workingDaysBetween(new Date(row.ends_at), new Date(row.submitted_at), calendar))
    .sort((a, b) => a - b);
  const [clientLadder] = await dataSource.query(
    `SELECT (SELECT count(DISTINCT (stage_id, contact_id)) FROM client_review_links)::int AS asked,
            count(*) FILTER (WHERE kind IN ('reminder_before_due', 'reminder_at_due'))::int AS reminders,
            count(*) FILTER (WHERE kind = 'escalation')::int AS escalations,
            count(*) FILTER (WHERE kind = 'second_escalation')::int AS second_escalations
       FROM client_review_alerts`,
  );
  // Silence as the product measures it (applications.last_heard_at): from applying, only what the
  // candidate did not write themselves ends it; their own "any news?" is not hearing back.
  const gaps: { days: number; from_at: Date; to_at: Date }[] = await dataSource.query(
    `WITH heard AS (
       SELECT a.id, a.status, a.created_at AS at FROM applications a
       UNION ALL
       SELECT a.id, a.status, t.at FROM applications a JOIN timeline_events t ON t.application_id = a.id
        WHERE t.candidate_visible AND t.actor_id IS DISTINCT FROM a.candidate_id),
     gaps AS (SELECT id, status, at, lead(at) OVER (PARTITION BY id ORDER BY at) AS next_at FROM heard)
     , spans AS (
       SELECT id, at AS from_at,
              coalesce(next_at, CASE WHEN status IN ('applied', 'screening', 'interviewing', 'offer') THEN $1::timestamptz ELSE at END) AS to_at
         FROM gaps)
     SELECT DISTINCT ON (id) id, extract(epoch FROM (to_at - from_at)) / 86400 AS days, from_at, to_at
       FROM spans ORDER BY id, to_at - from_at DESC`,
    [end],
  );
  const silence = gaps.map((row) => Number(row.days)).sort((a, b) => a - b);
  // The longest calendar gap of each application, counted in working days (weekends and holidays excluded).
  const longestSilenceWorkingDays = Math.max(
    0,
    ...gaps.map((row) => workingDaysBetween(new Date(row.from_at), new Date(row.to_at), calendar)),
  );
  // Every promise the agency made, from the table that keeps them (ADR 0014): a promise is kept or
  // re-dated in time when it ended (the agency acted, a person moved it, the rules spoke) by its date.
  const [promises] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE ended_at <= due_at)::int AS kept,
            count(*)::int AS due,
            count(*) FILTER (WHERE ended_at <= due_at AND ended_how IN ('kept', 'superseded', 'closed'))::int AS by_action,
            count(*) FILTER (WHERE ended_at <= due_at AND ended_how = 'redated')::int AS by_person,
            count(*) FILTER (WHERE ended_at <= due_at AND ended_how = 'updated')::int AS automatic
       FROM application_promises p
      WHERE (due_at <= $1 OR ended_at IS NOT NULL) AND ${NOT_A_WRITTEN_OFFERS_REPLY}`,
    [end],
  );
  // What a missed promise was about and how it ended, so a miss can be traced.
  const missed: { kind: string; how: string; n: number }[] = await dataSource.query(
    `SELECT kind, coalesce(ended_how, 'still open') AS how, count(*)::int AS n FROM application_promises p
      WHERE (due_at <= $1 OR ended_at IS NOT NULL) AND NOT coalesce(ended_at <= due_at, false) AND ${NOT_A_WRITTEN_OFFERS_REPLY}
      GROUP BY 1, 2 ORDER BY 3 DESC`,
    [end],
  );
  // Candidate emails: every candidate-visible event the candidate did not do themselves must
  // appear in an email to them (their own actions are confirmed on the page, not echoed; their application
  // gets a receipt in words of its own, ADR 0083, so its timeline sentence is not looked for).
  const [uncovered] = await dataSource.query(
    `SELECT count(*)::int AS n FROM timeline_events t JOIN applications a ON a.id = t.application_id
      WHERE t.candidate_visible AND t.actor_id IS DISTINCT FROM a.candidate_id AND NOT EXISTS (
        SELECT 1 FROM notifications n WHERE n.application_id = t.application_id AND n.kind = 'candidate_update' AND position(t.text IN n.body) > 0)`,
  );
  // Agency emails: one per reminder to whoever owned the stage's work then, one per staff member per
  // escalation, one per lead (or, with none, per staff member) per second-level escalation.
  const [expected] = await dataSource.query(
    `SELECT (SELECT count(*) FROM deadline_alerts d
              WHERE d.kind IN ('reminder_before_due', 'reminder_at_due') AND d.owner_id IS NOT NULL)::int
          + (SELECT count(*) FROM deadline_alerts WHERE kind = 'second_escalation')::int
            * coalesce(nullif((SELECT count(*) FROM users WHERE role = 'staff' AND is_agency_lead), 0),
                       (SELECT count(*) FROM users WHERE role = 'staff'))::int
          + (SELECT count(*) FROM candidate_updates WHERE overdue_reminded_at IS NOT NULL)::int
          -- A lapsed promise chases the job's owner (answers are chased by their reminders), and staff when it lapses again.
          + (SELECT count(*) FROM application_promises n JOIN application_promises o ON o.id = n.replaces_id
              WHERE n.automatic AND n.made_by IS NULL AND o.ended_how = 'updated' AND o.kind NOT IN ('answer', 'update_request')
                AND stage_owner(n.application_id, n.stage_id) IS NOT NULL)::int
          + (SELECT count(*) FROM application_promises n JOIN application_promises o ON o.id = n.replaces_id
              WHERE n.automatic AND o.ended_how = 'updated' AND o.automatic)::int
            * (SELECT count(*) FROM users WHERE role = 'staff')::int
          + ((SELECT count(*) FROM deadline_alerts WHERE kind = 'escalation')
             + (SELECT count(*) FROM application_alerts WHERE kind <> 'offer_reply_passed'))::int
            * (SELECT count(*) FROM users WHERE role = 'staff')::int
          -- An offer's reply-by date that passed alerts the application's recruiter (ADR 0020).
          + (SELECT count(*) FROM application_alerts WHERE kind = 'offer_reply_passed')::int
          -- A silent client interviewer (ADR 0032): the stage's owner (every stage has one here), then the
          -- client's account owner, else the leads, else every staff member.
          + (SELECT count(*) FROM client_review_alerts WHERE kind = 'escalation')::int
          + (SELECT count(*) FROM client_review_alerts al JOIN application_stages s ON s.id = al.stage_id
               JOIN applications a ON a.id = s.application_id JOIN jobs j ON j.id = a.job_id
               JOIN clients c ON c.id = j.client_id
              WHERE al.kind = 'second_escalation' AND c.account_owner_id IS NOT NULL)::int
          + (SELECT count(*) FROM client_review_alerts al JOIN application_stages s ON s.id = al.stage_id
               JOIN applications a ON a.id = s.application_id JOIN jobs j ON j.id = a.job_id
               JOIN clients c ON c.id = j.client_id
              WHERE al.kind = 'second_escalation' AND c.account_owner_id IS NULL)::int
            * coalesce(nullif((SELECT count(*) FROM users WHERE role = 'staff' AND is_agency_lead), 0),
                       (SELECT count(*) FROM users WHERE role = 'staff'))::int AS agency,
            (SELECT count(*) FROM notifications WHERE kind IN ('feedback_reminder', 'escalation'))::int AS agency_written,
            (SELECT count(*) FROM timeline_events WHERE candidate_visible)::int AS visible_events,
            (SELECT count(*) FROM notifications WHERE kind = 'candidate_update')::int AS candidate_written`,
  );
  const [offers] = await dataSource.query(
    `SELECT count(*)::int AS made,
            count(*) FILTER (WHERE answer = 'accepted')::int AS accepted,
            count(*) FILTER (WHERE answer = 'declined')::int AS declined,
            count(*) FILTER (WHERE answer = 'lapsed')::int AS lapsed,
            count(*) FILTER (WHERE answer IS NULL)::int AS open,
            (SELECT count(DISTINCT application_id) FROM application_alerts WHERE kind = 'offer_reply_passed')::int AS followed_up
       FROM offers`,
  );
  const [notifications] = await dataSource.query(
    `SELECT count(*)::int AS written,
            count(*) FILTER (WHERE status = 'sent')::int AS sent,
            count(*) FILTER (WHERE status IN ('pending', 'sending', 'held'))::int AS pending,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status = 'digested')::int AS digested,
            count(*) FILTER (WHERE kind = 'agency_digest')::int AS digests
       FROM notifications`,
  );
  return {
    closedApplications: closed.total,
    closedWithCandidateMessage: closed.with_message,
    feedbackHours: {
      recorded: hours.length,
      p50: percentile(hours, 0.5),
      p90: percentile(hours, 0.9),
      max: hours[hours.length - 1] ?? 0,
      missingAtEnd: missing.n,
    },
    overdueNeverEscalated: neverEscalated.n,
    longestSilenceDays: silence[silence.length - 1] ?? 0,
    longestSilenceWorkingDays,
    promises: {
      kept: promises.kept,
      due: promises.due,
      byAction: promises.by_action,
      byPerson: promises.by_person,
      automatic: promises.automatic,
      missed: missed.map((row) => `${row.kind} ${row.how} ${row.n}`),
    },
    silenceP90Days: percentile(silence, 0.9),
    notifications,
    candidateEvents: { visible: expected.visible_events, emails: expected.candidate_written, notCovered: uncovered.n },
    agencyEmails: { expected: expected.agency, written: expected.agency_written },
    clientFeedback: {
      drafts: draftDays.length,
      p50: percentile(draftDays, 0.5),
      p90: percentile(draftDays, 0.9),
      asked: clientLadder.asked,
      reminders: clientLadder.reminders,
      escalations: clientLadder.escalations,
      secondEscalations: clientLadder.second_escalations,
    },
    offers: {
      made: offers.made,
      accepted: offers.accepted,
      declined: offers.declined,
      lapsed: offers.lapsed,
      open: offers.open,
      followedUp: offers.followed_up,
    },
  };
}

export function formatReport(report: SimulationReport, summary: string): string {
  const pct =
    report.closedApplications === 0 ? 100 : (100 * report.closedWithCandidateMessage) / report.closedApplications;
  const h = (value: number) => `${value.toFixed(1)} h`;
  return [
    summary,
    '',
    `Closed applications carrying a message to the candidate: ${report.closedWithCandidateMessage}/${report.closedApplications} (${pct.toFixed(1)} %)`,
    `Interview end to feedback (${report.feedbackHours.recorded} stages): p50 ${h(report.feedbackHours.p50)}, p90 ${h(report.feedbackHours.p90)}, max ${h(report.feedbackHours.max)}; still awaiting feedback at the end: ${report.feedbackHours.missingAtEnd}`,
    `Overdue stages (a day past due) that were never escalated: ${report.overdueNeverEscalated}`,
    `Longest time a candidate went without hearing from the agency: ${report.longestSilenceDays.toFixed(1)} days (p90 over applications ${report.silenceP90Days.toFixed(1)} days)`,
    `Longest silence on an open application: ${report.longestSilenceWorkingDays.toFixed(1)} working days`,
    `Promises kept or re-dated before they expired: ${report.promises.kept}/${report.promises.due} (${(report.promises.due === 0 ? 100 : (100 * report.promises.kept) / report.promises.due).toFixed(1)} %)`,
    `Of the promises kept or re-dated in time: the agency acted on ${report.promises.byAction}, a person moved the date of ${report.promises.byPerson}, the agency's rules wrote an honest update for ${report.promises.automatic}`,
    ...(report.promises.missed.length > 0
      ? [`Promises missed (what, how they ended, how many): ${report.promises.missed.join(', ')}`]
      : []),
    `Candidate-visible events ${report.candidateEvents.visible}, in ${report.candidateEvents.emails} emails (one per change); events no email carried: ${report.candidateEvents.notCovered}`,
    `Reminder and escalation emails expected ${report.agencyEmails.expected}, written ${report.agencyEmails.written}`,
    `Client feedback, interview end to draft: p50 ${report.clientFeedback.p50.toFixed(1)}, p90 ${report.clientFeedback.p90.toFixed(1)} working days`,
    `Client interviewers asked ${report.clientFeedback.asked}, answered ${report.clientFeedback.drafts}; their reminders ${report.clientFeedback.reminders}, escalations to the owner ${report.clientFeedback.escalations}, to the account owner ${report.clientFeedback.secondEscalations}`,
    `Offers made ${report.offers.made}: accepted ${report.offers.accepted}, declined ${report.offers.declined}, ended otherwise ${report.offers.lapsed}, still open ${report.offers.open}; reply-by dates that passed unanswered and were followed up: ${report.offers.followedUp}`,
    `Notifications written to the outbox ${report.notifications.written}: sent ${report.notifications.sent}, pending ${report.notifications.pending}, failed ${report.notifications.failed}, carried in ${report.notifications.digests} agency digests ${report.notifications.digested}`,
  ].join('\n');
}
