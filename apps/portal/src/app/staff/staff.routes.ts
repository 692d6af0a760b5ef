import { Routes } from '@angular/router';

/** The staff area (/staff): filled in by the staff-area work. */
export const STAFF_ROUTES: Routes = [];
