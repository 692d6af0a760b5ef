import { Routes } from '@angular/router';
import { AgencyAreaData, AgencyShell } from '../core/agency-shell';
import { AgencyAccountPage } from './agency-account-page';

const area: AgencyAreaData = {
  areaName: 'Account',
  links: [{ path: '/account', label: 'Your account', exact: true }],
};

/** A recruiter's or staff member's own account (/account), in the agency's frame and styles. */
export const ACCOUNT_ROUTES: Routes = [
  {
    path: '',
    component: AgencyShell,
    data: area,
    children: [{ path: '', pathMatch: 'full', title: 'Your account · Heardback', component: AgencyAccountPage }],
  },
];
