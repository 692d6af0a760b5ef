import { ApplicationStatus, ErrorCode, REASSIGN_ALL_MAX_ITEMS, StageState, UserRole } from '@heardback/contracts';
import { DomainError } from './domain-error';
import { WorkOwnerCandidate, assertCanTakeWork, assertWorkIsOpen, canOwnWork, planReassignAll } from './reassignment';

const person = (id: string, role: UserRole, disabledAt: string | null = null): WorkOwnerCandidate => ({
  id,
  role,
  disabledAt,
});
const ann = person('ann', UserRole.Recruiter);
const bob = person('bob', UserRole.Recruiter);
const sam = person('sam', UserRole.Staff);

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.ValidationFailed);
    return (error as DomainError).details?.[0].field;
  }
  throw new Error('expected a field error');
}

describe('who may own work', () => {
  it('is an active recruiter or staff member, never a candidate or a disabled account', () => {
    expect(canOwnWork(ann)).toBe(true);
    expect(canOwnWork(sam)).toBe(true);
    expect(canOwnWork(person('c', UserRole.Candidate))).toBe(false);
    expect(canOwnWork(person('d', UserRole.Recruiter, '2026-01-01T00:00:00Z'))).toBe(false);
  });

  it('refuses an unknown user, a candidate, a disabled account and the current owner, naming toUserId', () => {
    expect(fieldOf(() => assertCanTakeWork(null, 'ann'))).toBe('toUserId');
    expect(fieldOf(() => assertCanTakeWork(person('c', UserRole.Candidate), 'ann'))).toBe('toUserId');
    expect(fieldOf(() => assertCanTakeWork(person('d', UserRole.Staff, '2026-01-01'), 'ann'))).toBe('toUserId');
    expect(fieldOf(() => assertCanTakeWork(ann, 'ann'))).toBe('toUserId');
  });

  it('gives unowned work to anyone who may own work', () => {
    expect(assertCanTakeWork(bob, null)).toBe(bob);
    expect(assertCanTakeWork(sam, 'ann')).toBe(sam);
  });
});

describe('what work can move', () => {
  it('refuses a closed application, naming applicationId', () => {
    for (const status of [
      ApplicationStatus.Hired,
      ApplicationStatus.Rejected,
      ApplicationStatus.Withdrawn,
      ApplicationStatus.JobClosed,
    ]) {
      expect(fieldOf(() => assertWorkIsOpen({ status }))).toBe('applicationId');
    }
  });

  it('refuses a stage with feedback or skipped, naming stageId, and accepts one still to do', () => {
    const open = { status: ApplicationStatus.Interviewing };
    expect(fieldOf(() => assertWorkIsOpen(open, { state: StageState.FeedbackRecorded }))).toBe('stageId');
    expect(fieldOf(() => assertWorkIsOpen(open, { state: StageState.Skipped }))).toBe('stageId');
    expect(() => assertWorkIsOpen(open, { state: StageState.AwaitingFeedback })).not.toThrow();
    expect(() => assertWorkIsOpen({ status: ApplicationStatus.Offer }, { state: StageState.Pending })).not.toThrow();
  });
});

describe('reassigning all of one person’s open work', () => {
  it('moves it to someone else who may own work, within the cap', () => {
    expect(planReassignAll(ann, bob, 3)).toBe(bob);
    expect(planReassignAll(person('gone', UserRole.Recruiter, '2026-01-01'), bob, REASSIGN_ALL_MAX_ITEMS)).toBe(bob);
  });

  it('refuses the same person, an unknown or candidate source, nothing to move, and more than the cap', () => {
    expect(fieldOf(() => planReassignAll(ann, ann, 3))).toBe('toUserId');
    expect(fieldOf(() => planReassignAll(null, bob, 3))).toBe('fromUserId');
    expect(fieldOf(() => planReassignAll(person('c', UserRole.Candidate), bob, 3))).toBe('fromUserId');
    expect(fieldOf(() => planReassignAll(ann, person('c', UserRole.Candidate), 3))).toBe('toUserId');
    expect(fieldOf(() => planReassignAll(ann, bob, 0))).toBe('fromUserId');
    expect(fieldOf(() => planReassignAll(ann, bob, REASSIGN_ALL_MAX_ITEMS + 1))).toBe('fromUserId');
  });
});
