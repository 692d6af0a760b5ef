import { TimelineEventType } from '@heardback/contracts';
import { timelineText } from './timeline-text';

describe('a timeline entry in the reader’s zone', () => {
  const entry = {
    at: '2026-12-02T16:18:00Z',
    type: TimelineEventType.PromiseUpdated,
    stageId: 's1',
    text: 'We have chased it, and you will hear from us by Friday, 4 December 2026 at 17:00 GMT.',
    date: { at: '2026-12-04T17:00:00.000Z', written: 'Friday, 4 December 2026 at 17:00 GMT' },
  };

  it('writes a promised date in the reader’s zone, not the agency’s', () => {
    expect(timelineText(entry, { locale: 'en-GB', timeZone: 'Asia/Kolkata' })).toBe(
      'We have chased it, and you will hear from us by Fri, 4 Dec 2026, 22:30 GMT+5:30.',
    );
  });

  it('leaves a text with no date as it is', () => {
    expect(timelineText({ ...entry, date: null }, { locale: 'en-GB', timeZone: 'Asia/Kolkata' })).toBe(entry.text);
  });

  describe('an interview it placed', () => {
    const placed = {
      at: '2026-12-02T16:18:00Z',
      type: TimelineEventType.StageScheduled,
      stageId: 's1',
      text: 'stored in the agency’s zone',
      interview: {
        stageName: 'Technical interview',
        startsAt: '2026-12-04T10:00:00Z',
        endsAt: '2026-12-04T11:00:00Z',
        location: 'Office',
        was: null,
      },
    };
    const london = { locale: 'en-GB', timeZone: 'Europe/London' };

    it('is news of one to come when it was placed before it began', () => {
      expect(timelineText(placed, london)).toBe(
        'Technical interview scheduled for Fri, 4 Dec 2026, 10:00–11:00 GMT (Office).',
      );
    });

    it('is told as having taken place when it was placed only once it was over', () => {
      expect(timelineText({ ...placed, at: '2026-12-07T09:00:00Z' }, london)).toBe(
        'Technical interview took place on Fri, 4 Dec 2026, 10:00–11:00 GMT (Office).',
      );
    });

    it('says a moved interview moved, even to a time already over: the earlier time is what it cancels', () => {
      const moved = {
        ...placed,
        interview: { ...placed.interview, was: { startsAt: '2026-12-03T10:00:00Z', endsAt: '2026-12-03T11:00:00Z' } },
      };
      expect(timelineText(moved, london)).toMatch(/^Technical interview moved to Fri, 4 Dec 2026/);
      expect(timelineText({ ...moved, at: '2026-12-07T09:00:00Z' }, london)).toMatch(
        /^Technical interview moved to Fri, 4 Dec 2026, 10:00–11:00 GMT \(Office\)\. The earlier time, .+, is cancelled\.$/,
      );
    });
  });
});
