import { ErrorCode, NotificationPage } from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { ApiSession, asError } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import { apply, createOpenJob, registerCandidate, signInAsAgency } from '../support/factories';

/** Issue 14, item 3: staff find one email among thousands by recipient, application, status and kind. */
describe('outgoing mail filters', () => {
  let staff: ApiSession;
  const marker = randomUUID().slice(0, 8);
  let candidateName: string;
  let applicationId: string;

  /** Writes a row as the outbox would; `sent` needs its time and `failed` its reason (the table's rules). */
  async function mail(fields: {
    email: string;
    kind: string;
    status: string;
    recipientId?: string;
    applicationId?: string;
  }) {
    await database().query(
      `INSERT INTO notifications (idempotency_key, kind, recipient_id, recipient_email, subject, body, status, sent_at, given_up_reason, application_id)
       VALUES ($1, $2, $3, $4, $5, 'Body', $6, CASE WHEN $6 = 'sent' THEN now() END, CASE WHEN $6 = 'failed' THEN 'Mailbox does not exist' END, $7)`,
      [
        `filters:${randomUUID()}`,
        fields.kind,
        fields.recipientId ?? null,
        fields.email,
        `${fields.kind} ${fields.status} ${marker}`,
        fields.status,
        fields.applicationId ?? null,
      ],
    );
  }

  async function list(query: Record<string, string>) {
    return staff.get<NotificationPage>(`/api/agency/notifications?${new URLSearchParams(query)}`);
  }

  beforeAll(async () => {
    staff = await signInAsAgency();
    candidateName = `Wren ${marker}`;
    const candidate = await registerCandidate(candidateName);
    applicationId = (await apply(candidate.session, (await createOpenJob(staff)).id)).id;
    await mail({ email: `pat.${marker}@filters.test`, kind: 'candidate_update', status: 'sent' });
    await mail({ email: `pat.${marker}@filters.test`, kind: 'candidate_update', status: 'failed' });
    await mail({ email: `lee.${marker}@filters.test`, kind: 'escalation', status: 'pending' });
    await mail({
      email: candidate.email,
      kind: 'candidate_update',
      status: 'sent',
      recipientId: candidate.id,
      applicationId,
    });
  });

  afterAll(closeDatabase);

  it('finds mail by a fragment of the address or of the recipient’s name, in any case', async () => {
    const byAddress = await list({ recipient: `PAT.${marker}` });
    expect(byAddress.status).toBe(200);
    expect(byAddress.body.items.map((item) => item.recipientEmail)).toEqual([
      `pat.${marker}@filters.test`,
      `pat.${marker}@filters.test`,
    ]);

    const byName = await list({ recipient: ` wren ${marker} ` });
    // Their own mail (the address confirmation) is found too: every email to that person.
    expect(byName.body.items.map((item) => item.subject)).toContain(`candidate_update sent ${marker}`);
    expect(byName.body.items.every((item) => item.recipientName === candidateName)).toBe(true);
  });

  it('narrows by status, kind and application together, each filter a further condition', async () => {
    const failed = await list({ recipient: marker, status: 'failed' });
    expect(failed.body.items.map((item) => item.subject)).toEqual([`candidate_update failed ${marker}`]);
    expect(failed.body.items[0].givenUpReason).toBe('Mailbox does not exist');

    const escalations = await list({ recipient: marker, kind: 'escalation' });
    expect(escalations.body.items.map((item) => item.recipientEmail)).toEqual([`lee.${marker}@filters.test`]);

    const forApplication = await list({ applicationId, status: 'sent' });
    expect(forApplication.body.items.map((item) => item.applicationId)).toContain(applicationId);
    expect(forApplication.body.items.every((item) => item.applicationId === applicationId)).toBe(true);
  });

  it('pages newest first with a cursor, without repeating or skipping an email', async () => {
    const recipient = `${marker}@filters.test`;
    const first = await list({ recipient, limit: '2' });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await list({ recipient, limit: '2', cursor: first.body.nextCursor as string });
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(3);
  });

  it.each([
    [{ status: 'lost' }, 'status', 'Choose one of: pending, sending, sent, failed, held, digested.'],
    [{ kind: 'spam' }, 'kind', 'Choose one of: candidate_update,'],
    [{ applicationId: 'not-an-id' }, 'applicationId', 'Choose an application.'],
    [{ recipient: '   ' }, 'recipient', 'Leave it out to see every recipient.'],
    [{ recipient: 'x'.repeat(201) }, 'recipient', 'Write at most 200 characters.'],
    [{ limit: '0' }, 'limit', 'must be at least 1'],
    [{ cursor: 'garbage' }, 'cursor', 'is not a cursor this API gave out'],
  ])('refuses %j with a 400 naming the field and the reason', async (query, field, reason) => {
    const response = await list(query as Record<string, string>);
    expect(response.status).toBe(400);
    expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
    const detail = asError(response).details?.find((entry) => entry.field === field);
    expect(detail?.reasons.join(' ')).toContain(reason);
  });
});
