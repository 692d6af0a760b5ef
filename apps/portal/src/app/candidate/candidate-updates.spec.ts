import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode, TimelineEventType } from '@heardback/contracts';
import { anApplication } from './candidate-fixtures';
import { fieldProblem, updateRequestConfirmation } from './candidate-updates';

const apiFailure = (status: number, body: object) =>
  new HttpErrorResponse({ status, error: { statusCode: status, ...body } });

describe('updateRequestConfirmation', () => {
  it('repeats the answer deadline of the newest request for an update', () => {
    const application = anApplication({
      timeline: [
        {
          at: '2026-05-01T09:00:00.000Z',
          type: TimelineEventType.CandidateUpdate,
          stageId: null,
          text: 'Asked for an update: "Hello?" Your recruiter will answer by Monday 4 May 2026 at 17:00 BST.',
        },
        {
          at: '2026-05-20T09:00:00.000Z',
          type: TimelineEventType.CandidateUpdate,
          stageId: null,
          text: 'Note: "I am away next week."',
        },
        {
          at: '2026-06-01T12:00:00.000Z',
          type: TimelineEventType.CandidateUpdate,
          stageId: null,
          text: 'Asked for an update: "Any news?" Your recruiter will answer by Wednesday 3 June 2026 at 13:00 BST.',
        },
      ],
    });

    expect(updateRequestConfirmation(application)).toBe(
      'Sent. Your recruiter will answer by Wednesday 3 June 2026 at 13:00 BST.',
    );
  });

  it('still confirms when the timeline has no deadline to repeat', () => {
    expect(updateRequestConfirmation(anApplication())).toBe('Sent. You can see it under “What has happened”.');
  });
});

describe('fieldProblem', () => {
  const invalid = apiFailure(400, {
    code: ErrorCode.ValidationFailed,
    message: 'Please correct: …',
    details: [
      { field: 'text', reasons: ['text must be shorter than or equal to 2000 characters'] },
      { field: 'deadline', reasons: ['is only for another offer'] },
    ],
  });

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
