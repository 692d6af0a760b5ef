import { backLink, boardBackLink } from './back-link';

describe('backLink', () => {
  const job = { id: 'job-1', title: 'Backend Engineer' };

  it('returns to the list the page was opened from', () => {
    expect(backLink('board', job)).toEqual({
      commands: ['/recruiter/jobs', 'job-1'],
      queryParams: null,
      label: '← Backend Engineer: applications by stage',
    });
    expect(backLink('search', job, 'priya')).toEqual({
      commands: ['/recruiter/search'],
      queryParams: { q: 'priya' },
      label: '← Find',
    });
    expect(backLink('new', job).label).toBe('← New applications');
    expect(backLink('waiting', job).commands).toEqual(['/staff']);
  });

  it('goes to the feedback queue when it is not known where the page was opened from', () => {
    expect(backLink(undefined, job).label).toBe('← Feedback queue');
    expect(backLink('elsewhere', job).commands).toEqual(['/recruiter']);
  });
});

describe('boardBackLink', () => {
  it('returns staff to "Manage jobs" when they opened the board there', () => {
    expect(boardBackLink('manage')).toEqual({ commands: ['/staff/jobs'], queryParams: null, label: '← Manage jobs' });
  });

  it("returns to the recruiter's list of jobs otherwise", () => {
    expect(boardBackLink(undefined)).toEqual({ commands: ['/recruiter/jobs'], queryParams: null, label: '← All jobs' });
    expect(boardBackLink('elsewhere').commands).toEqual(['/recruiter/jobs']);
  });
});
