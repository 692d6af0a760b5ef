import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'jobs' },
  {
    path: 'jobs',
    title: 'Open jobs · Heardback',
    loadComponent: () => import('./jobs/job-board').then((m) => m.JobBoard),
  },
  { path: '**', redirectTo: 'jobs' },
];
