import { updateRequestConfirmation, updateRequestPromise } from './candidate-updates';
import { aCandidateApplicationBetweenInterviews } from '../testing/factories';

describe('updateRequestPromise', () => {
  const inLondon = { locale: 'en-GB', timeZone: 'Europe/London' };
  const dueAt = '2026-06-03T12:00:00.000Z';

  it('shows by when the recruiter answers an open request, in "Where you stand"', () => {
    const application = aCandidateApplicationBetweenInterviews({ updateRequestAnswerDueAt: dueAt });
    expect(updateRequestPromise(application, new Date('2026-06-02T09:00:00.000Z'), inLondon)).toEqual({
      late: false,
      text: 'Your question: your recruiter will answer by Wed, 3 Jun 2026, 13:00 BST.',
    });
  });

  it('says plainly when that answer is late', () => {
    const application = aCandidateApplicationBetweenInterviews({ updateRequestAnswerDueAt: dueAt });
    expect(updateRequestPromise(application, new Date('2026-06-03T12:00:01.000Z'), inLondon)).toEqual({
      late: true,
      text: 'Your question: the answer is late. It was due Wed, 3 Jun 2026, 13:00 BST.',
    });
  });

  it('promises nothing when no request waits for an answer', () => {
    expect(updateRequestPromise(aCandidateApplicationBetweenInterviews(), new Date(dueAt))).toBeNull();
  });
});

describe('updateRequestConfirmation', () => {
  const inLondon = { locale: 'en-GB', timeZone: 'Europe/London' };

  it('says when the recruiter will answer, from the deadline the API sends', () => {
    const application = aCandidateApplicationBetweenInterviews({
      updateRequestAnswerDueAt: '2026-06-03T12:00:00.000Z',
    });

    expect(updateRequestConfirmation(application, inLondon)).toBe(
      'Sent. Your recruiter will answer by Wed, 3 Jun 2026, 13:00 BST.',
    );
  });

  it('still confirms when the API sends no deadline', () => {
    expect(updateRequestConfirmation(aCandidateApplicationBetweenInterviews())).toBe(
      'Sent. You can see it under “What has happened”.',
    );
  });
});
