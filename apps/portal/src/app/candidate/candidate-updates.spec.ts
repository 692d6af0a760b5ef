import { updateRequestConfirmation } from './candidate-updates';
import { aCandidateApplicationBetweenInterviews } from '../testing/factories';

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
