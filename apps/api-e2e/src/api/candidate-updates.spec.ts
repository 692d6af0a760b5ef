import { ApplicationView, AttentionItem, DeadlineSweepResult, ErrorCode, UserRole } from '@heardback/contracts';
import { asError } from '../support/api-client';
import { database } from '../support/database';
import { everyPage } from '../support/paged-lists';
import { apply, createOpenJob, registerCandidate, signInAsAgency, staffForTheseTests } from '../support/factories';

describe('candidate updates, decision dates and silence (nobody waits in silence)', () => {
  const staff = staffForTheseTests();

  async function freshApplication() {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    return { candidate, application };
  }

  const attention = async () => (await everyPage<AttentionItem>(staff, '/api/agency/attention')).items;

  it('puts a request for an update on the recruiter list with an answer deadline, and a message answers it', async () => {
    const { candidate, application } = await freshApplication();
    const asked = await candidate.session.post<ApplicationView>(`/api/applications/${application.id}/updates`, {
      kind: 'request_update',
      text: 'Any news on my application?',
      version: application.version,
    });
    expect(asked.status).toBe(201);
    expect(asked.body.timeline.at(-1)?.text).toMatch(
      /Asked for an update: "Any news on my application\?" Your recruiter will answer by/,
    );
    expect(asked.body.updateRequestAllowedFrom).not.toBeNull();
    const { rows: requests } = await database().query(
      `SELECT answer_due_at FROM candidate_updates WHERE application_id = $1 AND kind = 'request_update'`,
      [application.id],
    );
    expect(asked.body.updateRequestAnswerDueAt).toBe((requests[0].answer_due_at as Date).toISOString());
    const item = (await attention()).find(
      (entry) => entry.applicationId === application.id && entry.reason === 'update_requested',
    );
    expect(item?.dueAt).not.toBeNull();
    expect(item?.detail).toContain('Any news');

    const answered = await staff.post<ApplicationView>(`/api/applications/${application.id}/messages`, {
      text: 'The client decides on Friday.',
      version: asked.body.version,
    });
    expect(answered.status).toBe(201);
    expect(
      (await attention()).some(
        (entry) => entry.applicationId === application.id && entry.reason === 'update_requested',
      ),
    ).toBe(false);
    const seen = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(seen.body.timeline.at(-1)?.text).toBe('Message from Test Staff: The client decides on Friday.');
    expect(seen.body.updateRequestAnswerDueAt).toBeNull();
  });

  it('chases the recruiter once when a request for an update passes its answer deadline unanswered', async () => {
    await signInAsAgency(UserRole.Recruiter);
    const { candidate, application } = await freshApplication();
    await candidate.session.post(`/api/applications/${application.id}/updates`, {
      kind: 'request_update',
      text: 'Still waiting?',
      version: application.version,
    });
    await Promise.all([1, 2, 3].map(() => staff.post('/api/agency/deadlines/sweep')));
    const reminders = async () =>
      (
        await database().query(
          `SELECT subject FROM notifications WHERE application_id = $1 AND kind = 'feedback_reminder'`,
          [application.id],
        )
      ).rows as { subject: string }[];
    expect(await reminders()).toHaveLength(0);

    await database().query(
      `UPDATE candidate_updates SET answer_due_at = now() - interval '1 minute' WHERE application_id = $1`,
      [application.id],
    );
    await Promise.all([1, 2, 3].map(() => staff.post('/api/agency/deadlines/sweep')));
    const sent = await reminders();
    const { rows: recruiters } = await database().query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'recruiter' AND disabled_at IS NULL`,
    );
    expect(recruiters[0].n).toBeGreaterThan(0);
    expect(sent).toHaveLength(recruiters[0].n);
    expect(sent[0].subject).toMatch(/^Overdue: .* asked for an update/);
    await staff.post('/api/agency/deadlines/sweep');
    expect(await reminders()).toHaveLength(recruiters[0].n);
  });

  it('refuses a second request for an update within three days with 429, saying when it may be sent again', async () => {
    const { candidate, application } = await freshApplication();
    const first = await candidate.session.post<ApplicationView>(`/api/applications/${application.id}/updates`, {
      kind: 'request_update',
      text: 'News?',
      version: application.version,
    });
    const again = await candidate.session.post(`/api/applications/${application.id}/updates`, {
      kind: 'request_update',
      text: 'News??',
      version: first.body.version,
    });
    expect(again.status).toBe(429);
    expect(asError(again).code).toBe(ErrorCode.TooManyRequests);
    expect(asError(again).message).toMatch(/You can ask again from \w+day, \d+ \w+ \d{4}/);
    const { rows } = await database().query(
      `SELECT count(*)::int AS n FROM candidate_updates WHERE application_id = $1`,
      [application.id],
    );
    expect(rows[0].n).toBe(1);
    // Three days later it may be sent again.
    await database().query(
      `UPDATE candidate_updates SET created_at = created_at - interval '3 days' WHERE application_id = $1`,
      [application.id],
    );
    expect(
      (
        await candidate.session.post(`/api/applications/${application.id}/updates`, {
          kind: 'request_update',
          text: 'News?',
          version: first.body.version,
        })
      ).status,
    ).toBe(201);
  });

  it('raises an application whose candidate has another offer above the rest', async () => {
    const quiet = await freshApplication();
    await quiet.candidate.session.post(`/api/applications/${quiet.application.id}/updates`, {
      kind: 'request_update',
      text: 'News?',
      version: quiet.application.version,
    });
    const { candidate, application } = await freshApplication();
    const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const response = await candidate.session.post(`/api/applications/${application.id}/updates`, {
      kind: 'other_offer',
      text: 'Offer from Acme',
      deadline,
      version: application.version,
    });
    expect(response.status).toBe(201);
    const list = await attention();
    const offerIndex = list.findIndex(
      (entry) => entry.applicationId === application.id && entry.reason === 'other_offer',
    );
    const requestIndex = list.findIndex((entry) => entry.applicationId === quiet.application.id);
    expect(offerIndex).toBeGreaterThanOrEqual(0);
    expect(offerIndex).toBeLessThan(requestIndex);
    expect(list[offerIndex].dueAt).toBe(deadline);
    const internal = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(internal.body.timeline.map((event) => event.text).join('\n')).toContain('Another offer: "Offer from Acme"');
    // Up front too, not only in the timeline: the newest offer, with its deadline.
    expect(internal.body.candidateSaid).toEqual({
      otherOffer: { text: 'Offer from Acme', answerBy: deadline, at: expect.any(String) },
      availability: null,
    });
  });

  it('shows one card per application on the attention list, its most urgent signal first, with the others in its words', async () => {
    const { candidate, application } = await freshApplication();
    const asked = await candidate.session.post<ApplicationView>(`/api/applications/${application.id}/updates`, {
      kind: 'request_update',
      text: 'Any news?',
      version: application.version,
    });
    const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const offered = await candidate.session.post<ApplicationView>(`/api/applications/${application.id}/updates`, {
      kind: 'other_offer',
      text: 'Offer from Globex',
      deadline,
      version: asked.body.version,
    });
    expect(offered.status).toBe(201);
    const available = await candidate.session.post<ApplicationView>(`/api/applications/${application.id}/updates`, {
      kind: 'availability',
      text: 'Free every afternoon',
      version: offered.body.version,
    });
    expect(available.status).toBe(201);

    const cards = (await attention()).filter((entry) => entry.applicationId === application.id);
    expect(cards).toHaveLength(1);
    expect(cards[0].reason).toBe('other_offer');
    // The most urgent signal's date is the card's dueAt, not repeated in the words; the others carry theirs.
    expect(cards[0].detail).toMatch(
      /^Has another offer: "Offer from Globex"\. Asked for an update: "Any news\?" Answer by /,
    );
    expect(cards[0].dueAt).toBe(deadline);
    const internal = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(internal.body.candidateSaid.availability?.text).toBe('Free every afternoon');
    const own = await candidate.session.get<Record<string, unknown>>(`/api/applications/${application.id}`);
    expect(own.body).not.toHaveProperty('candidateSaid');
  });

  it('refuses an update from anyone but the candidate, and a deadline on anything but another offer', async () => {
    const { candidate, application } = await freshApplication();
    const other = await registerCandidate();
    expect(
      (
        await other.session.post(`/api/applications/${application.id}/updates`, {
          kind: 'note',
          text: 'hi',
          version: application.version,
        })
      ).status,
    ).toBe(404);
    const fromStaff = { kind: 'note', text: 'hi', version: application.version };
    expect((await staff.post(`/api/applications/${application.id}/updates`, fromStaff)).status).toBe(403);
    const wrongDeadline = await candidate.session.post(`/api/applications/${application.id}/updates`, {
      kind: 'note',
      text: 'hi',
      deadline: '2027-01-01T00:00:00Z',
      version: application.version,
    });
    expect(wrongDeadline.status).toBe(400);
    expect(asError(wrongDeadline).details?.[0].field).toBe('deadline');
  });

  it('escalates to staff once when the candidate decision date passes with no answer', async () => {
    const { candidate, application } = await freshApplication();
    const decisionDate = new Date(Date.now() + 86_400_000).toISOString();
    const set = await candidate.session.request<ApplicationView>(
      'PUT',
      `/api/applications/${application.id}/decision-date`,
      { decisionDate, version: application.version },
    );
    expect(set.status).toBe(200);
    expect(set.body.decisionDate).toBe(decisionDate);
    expect(
      (await attention()).some((entry) => entry.applicationId === application.id && entry.reason === 'decision_date'),
    ).toBe(true);

    await database().query(`UPDATE applications SET candidate_decision_at = now() - interval '1 hour' WHERE id = $1`, [
      application.id,
    ]);
    const sweeps = await Promise.all(
      [1, 2, 3].map(() => staff.post<DeadlineSweepResult>('/api/agency/deadlines/sweep')),
    );
    expect(sweeps.every((sweep) => sweep.status === 200)).toBe(true);
    const { rows } = await database().query(
      `SELECT count(*)::int AS n FROM application_alerts WHERE application_id = $1`,
      [application.id],
    );
    expect(rows[0].n).toBe(1);
    const { rows: emails } = await database().query(
      `SELECT count(*)::int AS n FROM notifications WHERE application_id = $1 AND kind = 'escalation'`,
      [application.id],
    );
    const { rows: staffCount } = await database().query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'staff' AND disabled_at IS NULL`,
    );
    expect(emails[0].n).toBe(staffCount[0].n);
  });

  it("does not count the candidate's own messages as hearing back", async () => {
    const { candidate, application } = await freshApplication();
    await database().query(`UPDATE applications SET created_at = created_at - interval '8 days' WHERE id = $1`, [
      application.id,
    ]);
    await candidate.session.post(`/api/applications/${application.id}/updates`, {
      kind: 'availability',
      text: 'Free all next week',
      version: application.version,
    });
    expect(
      (await attention()).some((entry) => entry.applicationId === application.id && entry.reason === 'silent'),
    ).toBe(true);
  });

  it('flags an application whose candidate has heard nothing for a week', async () => {
    const { application } = await freshApplication();
    expect(
      (await attention()).some((entry) => entry.applicationId === application.id && entry.reason === 'silent'),
    ).toBe(false);
    // Applied eight days ago, and nobody at the agency has written since.
    await database().query(`UPDATE applications SET created_at = created_at - interval '8 days' WHERE id = $1`, [
      application.id,
    ]);
    await database().query(`UPDATE timeline_events SET at = at - interval '8 days' WHERE application_id = $1`, [
      application.id,
    ]);
    const item = (await attention()).find(
      (entry) => entry.applicationId === application.id && entry.reason === 'silent',
    );
    expect(item?.detail).toBe('Has heard nothing for 8 days: send them an update.');
    expect(item?.overdue).toBe(true);
  });
});
