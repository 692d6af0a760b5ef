import { RETENTION_NOTICE_DAYS, addMonths, erasureDate, retentionDates } from './data-retention';

describe('data retention dates', () => {
  it('keeps a closed application for whole calendar months, clamped to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2025-03-15T08:30:00Z'), 12).toISOString()).toBe('2026-03-15T08:30:00.000Z');
  });

  it('tells the candidate 30 days before the erasure date', () => {
    const { noticeAt, eraseAt } = retentionDates(new Date('2025-03-15T08:30:00Z'), 12);
    expect(eraseAt.toISOString()).toBe('2026-03-15T08:30:00.000Z');
    expect((eraseAt.getTime() - noticeAt.getTime()) / 86_400_000).toBe(RETENTION_NOTICE_DAYS);
  });

  it('never erases sooner than 30 days after a late notice', () => {
    const closed = new Date('2024-01-01T00:00:00Z');
    const lateNotice = new Date('2026-05-01T00:00:00Z');
    expect(erasureDate(closed, 12, lateNotice).toISOString()).toBe('2026-05-31T00:00:00.000Z');
    expect(erasureDate(closed, 12, new Date('2024-12-02T00:00:00Z')).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});
