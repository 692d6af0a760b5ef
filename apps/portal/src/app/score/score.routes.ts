import { Routes } from '@angular/router';
import { ClientReportPage } from './client-report-page';
import { ScorePage } from './score-page';

/**
 * The score (/staff/score, /recruiter/score), a lazy chunk of its own: chart.js loads with it and
 * with nothing else. The printable client report is for staff only.
 */
export function scoreRoutes(area: 'staff' | 'recruiter'): Routes {
  return [
    { path: '', pathMatch: 'full', title: 'Heardback score · Heardback', component: ScorePage, data: { area } },
    ...(area === 'staff'
      ? [{ path: 'clients/:id/print', title: 'Client report · Heardback', component: ClientReportPage }]
      : []),
  ];
}

export const STAFF_SCORE_ROUTES = scoreRoutes('staff');
export const RECRUITER_SCORE_ROUTES = scoreRoutes('recruiter');
