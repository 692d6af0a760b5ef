import { Routes } from '@angular/router';

/** The candidate area (/me), open to signed-in candidates only (see app.routes.ts). */
export const CANDIDATE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'My applications · Heardback',
    loadComponent: () => import('./my-applications').then((m) => m.MyApplications),
  },
  { path: 'applications', pathMatch: 'full', redirectTo: '' },
  {
    path: 'applications/:id',
    title: 'Your application · Heardback',
    loadComponent: () => import('./application-page').then((m) => m.ApplicationPage),
  },
  {
    path: 'profile',
    title: 'Your profile · Heardback',
    loadComponent: () => import('./profile-page').then((m) => m.ProfilePage),
  },
  {
    path: 'data',
    title: 'Your data · Heardback',
    loadComponent: () => import('./my-data-page').then((m) => m.MyDataPage),
  },
];
