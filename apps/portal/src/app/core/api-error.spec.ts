import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { ErrorCode } from '@heardback/contracts';
import {
  agencyErrorMessage,
  fieldProblem,
  httpErrorMessage,
  isStaleCursor,
  sentence,
  showServerErrors,
} from './api-error';
import { anApiErrorResponse } from '../testing/factories';

describe('httpErrorMessage', () => {
  it('tells the visitor to check their connection when the server cannot be reached', () => {
    expect(httpErrorMessage(new HttpErrorResponse({ status: 0 }))).toMatch(/could not reach Heardback.*connection/);
  });

  it('uses the API’s own explanation when it refused the request', () => {
    const error = anApiErrorResponse(400, ErrorCode.ValidationFailed, 'limit must not be greater than 100');

    expect(httpErrorMessage(error)).toBe('limit must not be greater than 100');
  });

  it('says a server failure is not the visitor’s fault, whatever the body says', () => {
    const error = anApiErrorResponse(500, ErrorCode.Internal, 'relation "job" does not exist');

    expect(httpErrorMessage(error)).toBe('Our server had a problem (error 500). It is not something you did.');
  });

  it('passes on the API’s words when it is briefly unavailable, but not an unexplained 503', () => {
    const restarting = anApiErrorResponse(503, ErrorCode.DatabaseUnavailable, 'Please try again in a few seconds.');
    const unexplained = anApiErrorResponse(503, ErrorCode.Internal, 'upstream connect error');

    expect(httpErrorMessage(restarting)).toBe('Please try again in a few seconds.');
    expect(httpErrorMessage(unexplained)).toBe('Our server had a problem (error 503). It is not something you did.');
  });

  it('asks the visitor to wait when they are rate limited', () => {
    expect(httpErrorMessage(new HttpErrorResponse({ status: 429 }))).toMatch(/Wait a few seconds/);
  });

  it('shows the API’s own words for asking again too soon', () => {
    const tooSoon = anApiErrorResponse(
      429,
      ErrorCode.TooManyRequests,
      'You asked for an update on Monday; … You can ask again from Thursday 4 June 2026.',
    );
    expect(httpErrorMessage(tooSoon)).toBe(
      'You asked for an update on Monday; … You can ask again from Thursday 4 June 2026.',
    );
  });
});

describe('showServerErrors', () => {
  function aForm() {
    return new FormGroup({
      candidateMessage: new FormControl(''),
      start: new FormControl(''),
      salary: new FormGroup({ max: new FormControl(0) }),
    });
  }

  it('puts each field reason on its control, so it shows next to that field', () => {
    const form = aForm();
    const message = showServerErrors(
      form,
      anApiErrorResponse(400, ErrorCode.ValidationFailed, 'Some answers need changing.', [
        { field: 'candidateMessage', reasons: ['Fill this in.'] },
        { field: 'salary.max', reasons: ['Enter at least the minimum.'] },
      ]),
    );

    expect(form.controls.candidateMessage.errors).toEqual({ server: 'Fill this in.' });
    expect(form.get('salary.max')?.errors).toEqual({ server: 'Enter at least the minimum.' });
    expect(form.controls.candidateMessage.touched).toBe(true);
    expect(message).toBe('Some answers need changing: see the messages next to the fields.');
  });

  it('follows the form’s own names for API fields, and leaves out fields the page shows itself', () => {
    const form = aForm();
    const message = showServerErrors(
      form,
      anApiErrorResponse(400, ErrorCode.ValidationFailed, 'invalid', [
        { field: 'startsAt', reasons: ['Enter a date and time.'] },
        { field: 'pipeline', reasons: ['Name stage 2.'] },
      ]),
      { startsAt: 'start', pipeline: null },
    );

    expect(form.controls.start.errors).toEqual({ server: 'Enter a date and time.' });
    expect(message).not.toContain('stage 2');
  });

  it('names reasons that belong to no field on the form in the form’s message', () => {
    const message = showServerErrors(
      aForm(),
      anApiErrorResponse(400, ErrorCode.ValidationFailed, 'invalid', [
        { field: 'version', reasons: ['Reload the page: someone changed this application.'] },
      ]),
    );
    expect(message).toBe(
      'Some answers need changing: see the messages next to the fields. Also: Reload the page: someone changed this application.',
    );
    expect(message).not.toContain('version:');
  });

  it('gives the API’s message when the refusal is not about fields', () => {
    const message = showServerErrors(
      aForm(),
      anApiErrorResponse(409, ErrorCode.FeedbackRequired, 'Record feedback for "Phone screen" first.'),
    );
    expect(message).toBe('Record feedback for "Phone screen" first.');
  });
});

describe('agencyErrorMessage', () => {
  it('says what to do when the session ended or the role may not do this', () => {
    expect(agencyErrorMessage(new HttpErrorResponse({ status: 401 }))).toContain('Sign in again');
    expect(agencyErrorMessage(new HttpErrorResponse({ status: 403 }))).toContain('not allowed');
  });

  it('tells a person whose page’s security check expired to reload, not that they are not allowed', () => {
    const expired = anApiErrorResponse(
      403,
      ErrorCode.SecurityCheckFailed,
      'This page was open too long and its security check expired. Reload the page and try again.',
    );
    expect(agencyErrorMessage(expired)).toBe(
      'This page was open too long and its security check expired. Reload the page and try again.',
    );
  });
});

describe('sentence', () => {
  it('joins the API’s sentences, and capitalises a reason still worded as a rule', () => {
    expect(sentence(['Fill this in.', 'Write at most 2,000 characters.'])).toBe(
      'Fill this in. Write at most 2,000 characters.',
    );
    expect(sentence(['must not be empty'])).toBe('Must not be empty.');
  });
});

describe('fieldProblem', () => {
  const invalid = anApiErrorResponse(400, ErrorCode.ValidationFailed, 'Some answers need changing.', [
    { field: 'text', reasons: ['Write at most 2,000 characters.'] },
    { field: 'deadline', reasons: ['is only for another offer'] },
  ]);

  it('shows the API’s sentence for the field as it is', () => {
    expect(fieldProblem(invalid, 'text', 'Your note')).toBe('Write at most 2,000 characters.');
  });

  it('names the field as the form does when a reason is still worded as a rule', () => {
    expect(fieldProblem(invalid, 'deadline', 'The deadline')).toBe('The deadline is only for another offer.');
  });

  it('is null for a field the API did not mention', () => {
    expect(fieldProblem(invalid, 'decisionDate', 'The date')).toBeNull();
    expect(fieldProblem(new Error('boom'), 'text', 'Your note')).toBeNull();
  });
});

describe('isStaleCursor', () => {
  const naming = (field: string) => [{ field, reasons: ['is not a cursor this API gave out; start again without it'] }];

  it('is a 400 whose details name the cursor', () => {
    expect(isStaleCursor(anApiErrorResponse(400, ErrorCode.ValidationFailed, 'x', naming('cursor')))).toBe(true);
  });

  it('is not a 400 about another field or none, any other status, nor a failure that is not the API’s', () => {
    expect(isStaleCursor(anApiErrorResponse(400, ErrorCode.ValidationFailed, 'x', naming('limit')))).toBe(false);
    expect(isStaleCursor(anApiErrorResponse(400, ErrorCode.ValidationFailed, 'cursor: is not a cursor'))).toBe(false);
    expect(isStaleCursor(anApiErrorResponse(500, ErrorCode.Internal, 'x', naming('cursor')))).toBe(false);
    expect(isStaleCursor(new HttpErrorResponse({ status: 0 }))).toBe(false);
    expect(isStaleCursor(new Error('cursor'))).toBe(false);
  });
});
