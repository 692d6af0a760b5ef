/**
 * Where the application page was opened from, carried in its `from` query parameter (so a reload
 * or a shared link keeps it), and the back link that returns there. Without one, or with one this
 * page does not know, the back link goes to the feedback queue, the recruiter's home.
 */
export const CAME_FROM = ['queue', 'board', 'search', 'new', 'waiting'] as const;
export type CameFrom = (typeof CAME_FROM)[number];

export interface BackLink {
  commands: string[];
  queryParams: Record<string, string> | null;
  label: string;
}

export function backLink(from: string | undefined, job: { id: string; title: string }, search?: string): BackLink {
  switch (from as CameFrom | undefined) {
    case 'board':
      return {
        commands: ['/recruiter/jobs', job.id],
        queryParams: null,
        label: `← ${job.title}: applications by stage`,
      };
    case 'search':
      return { commands: ['/recruiter/search'], queryParams: search ? { q: search } : null, label: '← Find' };
    case 'new':
      return { commands: ['/recruiter/new'], queryParams: null, label: '← New applications' };
    case 'waiting':
      return { commands: ['/staff'], queryParams: null, label: '← Who is waiting' };
    default:
      return { commands: ['/recruiter'], queryParams: null, label: '← Feedback queue' };
  }
}

/** The board's way back: to staff's "Manage jobs" when opened there, else to the recruiter's list of jobs. */
export function boardBackLink(from: string | undefined): BackLink {
  return from === 'manage'
    ? { commands: ['/staff/jobs'], queryParams: null, label: '← Manage jobs' }
    : { commands: ['/recruiter/jobs'], queryParams: null, label: '← All jobs' };
}
