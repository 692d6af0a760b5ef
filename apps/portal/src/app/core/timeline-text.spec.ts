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
});
