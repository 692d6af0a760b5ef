import { UserRole } from '@heardback/contracts';

export interface Viewer {
  id: string;
  role: UserRole;
}

/** Rule 5: candidates only ever see their own applications; agency people see all. */
export function canViewApplication(viewer: Viewer, application: { candidateId: string }): boolean {
  return viewer.role !== UserRole.Candidate || viewer.id === application.candidateId;
}

/** Rule 5: internal notes and internal timeline events are for the agency only. */
export function canSeeInternalDetails(viewer: Viewer): boolean {
  return viewer.role === UserRole.Recruiter || viewer.role === UserRole.Staff;
}

/** A candidate's CV or cover letter: its owner and the agency's people may download it, no other candidate. */
export function canDownloadDocument(viewer: Viewer, document: { candidateId: string }): boolean {
  return viewer.role !== UserRole.Candidate || viewer.id === document.candidateId;
}
