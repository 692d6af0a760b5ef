import { Routes } from '@angular/router';
import { AuditTrailPage } from './audit-trail-page';
import { ClientPage } from './client-page';
import { EscalationsPage } from './escalations-page';
import { JobEditor } from './job-editor';
import { OutgoingMail } from './outgoing-mail';
import { PrivacyNoticePage } from './privacy-notice-page';
import { StaffClients } from './staff-clients';
import { JobList } from '../recruiter/job-list';
import { StaffUsers } from './staff-users';
import { WaitingList } from './waiting-list';
import { AgencyAreaData, AgencyShell } from '../core/agency-shell';

const area: AgencyAreaData = {
  areaName: 'Staff',
  links: [
    { path: '/staff', label: 'Who is waiting', exact: true },
    { path: '/staff/escalations', label: 'Escalations' },
    { path: '/staff/mail', label: 'Outgoing mail' },
    { path: '/staff/jobs', label: 'Manage jobs' },
    { path: '/staff/clients', label: 'Clients' },
    { path: '/staff/users', label: 'Users' },
    { path: '/staff/audit', label: 'Audit trail' },
    { path: '/staff/data-retention', label: 'Data retention' },
    { path: '/staff/privacy-notice', label: 'Privacy notice' },
  ],
};

/** The staff area (/staff), lazy as a whole; the shell guards it for staff. */
export const STAFF_ROUTES: Routes = [
  {
    path: '',
    component: AgencyShell,
    data: area,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Who is waiting · Heardback',
        component: WaitingList,
      },
      {
        path: 'escalations',
        title: 'Escalations · Heardback',
        component: EscalationsPage,
      },
      { path: 'mail', title: 'Outgoing mail · Heardback', component: OutgoingMail },
      { path: 'jobs', title: 'Jobs · Heardback', component: JobList, data: { manage: true } },
      { path: 'jobs/new', title: 'New job · Heardback', component: JobEditor },
      {
        path: 'jobs/:id/edit',
        title: 'Edit job · Heardback',
        component: JobEditor,
      },
      { path: 'clients', title: 'Clients · Heardback', component: StaffClients },
      { path: 'clients/:id', title: 'Client · Heardback', component: ClientPage },
      { path: 'users', title: 'Users · Heardback', component: StaffUsers },
      { path: 'audit', title: 'Audit trail · Heardback', component: AuditTrailPage },
      {
        path: 'data-retention',
        title: 'Data retention · Heardback',
        loadComponent: () => import('./data-retention-page').then((m) => m.DataRetentionPage),
      },
      { path: 'privacy-notice', title: 'Privacy notice · Heardback', component: PrivacyNoticePage },
    ],
  },
];
