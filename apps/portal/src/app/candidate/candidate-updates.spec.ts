import { ErrorCode } from '@heardback/contracts';
import { fieldProblem, updateRequestConfirmation } from './candidate-updates';
import { aCandidateApplicationBetweenInterviews, anApiErrorResponse } from '../testing/factories';

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

describe('fieldProblem', () => {
  const invalid = anApiErrorResponse(400, ErrorCode.ValidationFailed, 'Please correct: …', [
    { field: 'text', reasons: ['text must be shorter than or equal to 2000 characters'] },
    { field: 'deadline', reasons: ['is only for another offer'] },
  ]);

  it('names the field as the form does, without the API’s property name', () => {
    expect(fieldProblem(invalid, 'text', 'Your note')).toBe(
      'Your note must be shorter than or equal to 2000 characters.',
    );
    expect(fieldProblem(invalid, 'deadline', 'The deadline')).toBe('The deadline is only for another offer.');
  });

  it('is null for a field the API did not mention', () => {
    expect(fieldProblem(invalid, 'decisionDate', 'The date')).toBeNull();
    expect(fieldProblem(new Error('boom'), 'text', 'Your note')).toBeNull();
  });
});
