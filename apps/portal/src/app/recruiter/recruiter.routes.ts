import { Routes } from '@angular/router';
import { JobList } from './job-list';
import { ApplicationPage } from './application-page';
import { FeedbackQueue } from './feedback-queue';
import { JobStageBoard } from './job-stage-board';
import { FindApplications } from './find-applications';
import { NewApplications } from './new-applications';
import { AgencyAreaData, AgencyShell } from '../core/agency-shell';

const area: AgencyAreaData = {
  areaName: 'Recruiter',
  links: [
    { path: '/recruiter', label: 'Feedback queue', exact: true },
    { path: '/recruiter/new', label: 'New applications' },
    { path: '/recruiter/jobs', label: 'Applications by job' },
    { path: '/recruiter/search', label: 'Find' },
    { path: '/recruiter/score', label: 'My score' },
  ],
};

/** The recruiter area (/recruiter), lazy as a whole; the shell guards it for recruiters and staff. */
export const RECRUITER_ROUTES: Routes = [
  {
    path: '',
    component: AgencyShell,
    data: area,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Feedback queue · Heardback',
        component: FeedbackQueue,
      },
      {
        path: 'applications/:id',
        title: 'Application · Heardback',
        component: ApplicationPage,
      },
      { path: 'new', title: 'New applications · Heardback', component: NewApplications },
      { path: 'search', title: 'Find an application · Heardback', component: FindApplications },
      { path: 'jobs', title: 'Jobs · Heardback', component: JobList },
      {
        path: 'jobs/:id',
        title: 'Applications by stage · Heardback',
        component: JobStageBoard,
      },
      { path: 'score', loadChildren: () => import('../score/score.routes').then((m) => m.RECRUITER_SCORE_ROUTES) },
    ],
  },
];
