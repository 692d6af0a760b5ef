import { Routes } from '@angular/router';

/** The recruiter area (/recruiter): filled in by the recruiter-area work. */
export const RECRUITER_ROUTES: Routes = [];
