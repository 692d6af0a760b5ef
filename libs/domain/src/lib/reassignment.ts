import { ApplicationStatus, REASSIGN_ALL_MAX_ITEMS, StageState, UserRole } from '@heardback/contracts';
import { isOpen } from './application-facts';
import { fieldError } from './domain-error';

/** Someone work might be given to, as stored. */
export interface WorkOwnerCandidate {
  id: string;
  role: UserRole;
  disabledAt: Date | string | null;
}

/** Work (an application, a stage) belongs to an active recruiter or staff member; the database repeats it. */
export function canOwnWork(user: WorkOwnerCandidate): boolean {
  return (user.role === UserRole.Recruiter || user.role === UserRole.Staff) && user.disabledAt === null;
}

/** Throws a field error unless `to` may be given work now owned by `currentOwnerId`. */
export function assertCanTakeWork(to: WorkOwnerCandidate | null, currentOwnerId: string | null): WorkOwnerCandidate {
  if (!to) throw fieldError('toUserId', 'is not a user of this agency');
  if (to.role === UserRole.Candidate) {
    throw fieldError('toUserId', 'is a candidate: work goes to a recruiter or a staff member');
  }
  if (!canOwnWork(to)) throw fieldError('toUserId', 'is disabled: work goes to someone who can sign in');
  if (to.id === currentOwnerId) throw fieldError('toUserId', 'already owns this work: choose someone else');
  return to;
}

/** A stage or application that is over has no work left to give. */
export function assertWorkIsOpen(application: { status: ApplicationStatus }, stage?: { state: StageState }): void {
  if (!isOpen(application.status)) {
    throw fieldError('applicationId', `is ${application.status}: a closed application has no work to reassign`);
  }
  if (stage && (stage.state === StageState.FeedbackRecorded || stage.state === StageState.Skipped)) {
    throw fieldError('stageId', `is ${stage.state === StageState.Skipped ? 'skipped' : 'done'}: it has no work left`);
  }
}

/** Reassigning all of one person's open work: from someone else, within the cap. */
export function planReassignAll(
  from: WorkOwnerCandidate | null,
  to: WorkOwnerCandidate | null,
  openItems: number,
): WorkOwnerCandidate {
  if (!from || from.role === UserRole.Candidate) throw fieldError('fromUserId', 'is not a recruiter or staff member');
  if (to && to.id === from.id) throw fieldError('toUserId', 'is the same person as fromUserId');
  const taker = assertCanTakeWork(to, null);
  if (openItems === 0) throw fieldError('fromUserId', 'this person has no open work to reassign');
  if (openItems > REASSIGN_ALL_MAX_ITEMS) {
    throw fieldError(
      'fromUserId',
      `has ${openItems} open applications and stages, more than ${REASSIGN_ALL_MAX_ITEMS} moved at once: reassign some applications one by one first`,
    );
  }
  return taker;
}
