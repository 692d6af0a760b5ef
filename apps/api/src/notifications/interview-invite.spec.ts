import { interviewInvite, InterviewInviteFacts, pendingInvite, writeStoredInvite } from './interview-invite';

const facts: InterviewInviteFacts = {
  stageId: '3f1c2a9e-0000-4000-8000-000000000001',
  sequence: 0,
  cancelled: false,
  startsAt: new Date('2026-12-03T10:00:00Z'),
  endsAt: new Date('2026-12-03T11:00:00Z'),
  title: 'Phone screen: Platform Engineer at Acme, Ltd',
  location: 'Video call; the link is in your email',
  description: 'https://heardback.test/me/applications/1',
  attendee: { name: 'Casey Candidate', email: 'casey@example.test' },
};
const writtenAt = new Date('2026-12-02T09:30:00Z');
/** RFC 5545 unfolding: a line break followed by a space or tab continues the line. */
const unfold = (content: string) => content.replace(/\r\n[ \t]/g, '');
const lines = (content: string) => unfold(content).split('\r\n');

describe('interview invite', () => {
  it('is an RFC 5546 request with the start and end in UTC, stable per stage, stamped by our clock', () => {
    const invite = interviewInvite(facts, 'Heardback <no-reply@heardback.test>', writtenAt);
    expect(invite.method).toBe('REQUEST');
    const content = lines(invite.content);
    expect(content).toEqual(
      expect.arrayContaining([
        'METHOD:REQUEST',
        `UID:stage-${facts.stageId}@heardback`,
        'SEQUENCE:0',
        'DTSTART:20261203T100000Z',
        'DTEND:20261203T110000Z',
        'DTSTAMP:20261202T093000Z',
        'STATUS:CONFIRMED',
      ]),
    );
    // Commas and semicolons are escaped, so the calendar shows the words as written.
    expect(content).toContain('SUMMARY:Phone screen: Platform Engineer at Acme\\, Ltd');
    expect(content).toContain('LOCATION:Video call\\; the link is in your email');
    expect(unfold(invite.content)).toMatch(/^ORGANIZER;CN="?Heardback"?:mailto:no-reply@heardback\.test$/im);
    expect(unfold(invite.content)).toMatch(/^ATTENDEE;.*CN="?Casey Candidate"?:mailto:casey@example\.test$/im);
  });

  it('keeps a line break of any kind inside its field: a lone carriage return adds no line to the invite', () => {
    const location = 'Room 1\rATTENDEE;CN=Mallory:mailto:mallory@evil.example\rURL:https://evil.example/join';
    const invite = interviewInvite({ ...facts, location }, 'no-reply@heardback.test', writtenAt);
    expect(invite.content).not.toMatch(/\r(?!\n)/);
    const content = lines(invite.content);
    expect(content.filter((line) => line.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(content.some((line) => line.startsWith('URL:'))).toBe(false);
    expect(content).toContain(
      'LOCATION:Room 1\\nATTENDEE\\;CN=Mallory:mailto:mallory@evil.example\\nURL:https://evil.example/join',
    );
  });

  it('replaces the event when moved and removes it when cancelled: same UID, higher SEQUENCE', () => {
    const moved = interviewInvite({ ...facts, sequence: 1 }, 'no-reply@heardback.test', writtenAt);
    expect(lines(moved.content)).toEqual(
      expect.arrayContaining([`UID:stage-${facts.stageId}@heardback`, 'SEQUENCE:1', 'METHOD:REQUEST']),
    );
    const cancelled = interviewInvite({ ...facts, sequence: 2, cancelled: true }, 'no-reply@heardback.test', writtenAt);
    expect(cancelled.method).toBe('CANCEL');
    expect(lines(cancelled.content)).toEqual(
      expect.arrayContaining(['METHOD:CANCEL', 'SEQUENCE:2', 'STATUS:CANCELLED']),
    );
  });

  it('is written when sent in the same words as it would have been when queued', () => {
    for (const change of [facts, { ...facts, sequence: 3, cancelled: true }]) {
      const pending = pendingInvite(change, 'Heardback <no-reply@heardback.test>', writtenAt);
      // As the outbox keeps it: JSON in a jsonb column, instants as ISO strings.
      const stored: unknown = JSON.parse(
        JSON.stringify({ facts: pending.facts, organizer: pending.organizer, writtenAt: pending.writtenAt }),
      );
      const written = writeStoredInvite(stored);
      expect(written).toEqual(interviewInvite(change, 'Heardback <no-reply@heardback.test>', writtenAt));
      expect(written.method).toBe(pending.method);
      expect(lines(written.content)).toEqual(expect.arrayContaining(['DTSTAMP:20261202T093000Z']));
    }
  });
});
