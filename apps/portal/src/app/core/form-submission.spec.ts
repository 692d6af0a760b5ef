import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ErrorCode } from '@heardback/contracts';
import { Subject, of, throwError } from 'rxjs';
import { anApiErrorResponse } from '../testing/factories';
import { formSubmission } from './form-submission';

describe('formSubmission', () => {
  it('is busy while the request is under way, then hands over what came back', () => {
    const submission = formSubmission();
    const response = new Subject<string>();
    const done = jest.fn();

    submission.send(() => response, { done });
    expect(submission.busy()).toBe(true);

    response.next('saved');
    expect(submission.busy()).toBe(false);
    expect(done).toHaveBeenCalledWith('saved');
  });

  it('refuses to send twice while the first request is under way', () => {
    const submission = formSubmission();
    const request = jest.fn(() => new Subject<string>());

    expect(submission.send(request, { done: jest.fn() })).toBe(true);
    expect(submission.send(request, { done: jest.fn() })).toBe(false);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('says what failed in the agency’s words when the form does not handle it itself', () => {
    const submission = formSubmission();

    submission.send(
      () => throwError(() => anApiErrorResponse(409, ErrorCode.StaleVersion, 'Someone else changed it.')),
      {
        done: jest.fn(),
      },
    );

    expect(submission.busy()).toBe(false);
    expect(submission.failure()).toBe('Someone else changed it.');
  });

  it('puts the API’s field errors next to their fields and sums them up for the form', () => {
    const form = new FormGroup({ title: new FormControl('') });
    const submission = formSubmission({ form });
    const error = anApiErrorResponse(400, ErrorCode.ValidationFailed, 'Invalid', [
      { field: 'title', reasons: ['Fill this in.'] },
    ]);

    submission.send(() => throwError(() => error), { done: jest.fn() });

    expect(form.controls.title.errors).toEqual({ server: 'Fill this in.' });
    expect(submission.failure()).toBe('Some answers need changing: see the messages next to the fields.');
  });

  it('leaves the form’s alert empty when the form shows the failure elsewhere', () => {
    const submission = formSubmission();
    submission.fail('An earlier problem.');

    submission.send(() => throwError(() => new Error('no')), { done: jest.fn(), failed: () => null });

    expect(submission.failure()).toBe('');
  });

  it('clears the last failure when it sends again', () => {
    const submission = formSubmission();
    submission.fail('An earlier problem.');

    submission.send(() => of('ok'), { done: jest.fn() });

    expect(submission.failure()).toBe('');
  });

  it('starts a submit only when nothing is under way and the form is valid, pointing at the problem otherwise', () => {
    const form = new FormGroup({ title: new FormControl('', { nonNullable: true, validators: Validators.required }) });
    const onInvalid = jest.fn();
    const submission = formSubmission({ form, onInvalid });
    submission.fail('An earlier problem.');

    expect(submission.begin()).toBe(false);
    expect(onInvalid).toHaveBeenCalled();
    expect(submission.submitted()).toBe(true);
    expect(submission.failure()).toBe('');
    expect(submission.shows(form.controls.title)).toBe(true);

    form.controls.title.setValue('Nurse');
    expect(submission.begin()).toBe(true);
    submission.send(() => new Subject<string>(), { done: jest.fn() });
    expect(submission.begin()).toBe(false);
  });

  it("words a control's problem: the API's reason first, then the failed validator's words, else the default", () => {
    const control = new FormControl('', [Validators.required, Validators.maxLength(3)]);
    const submission = formSubmission();
    const words = { maxlength: 'Keep it to 3 characters.', otherwise: 'Give a name.' };

    expect(submission.problem(control, words)).toBe('');
    submission.submitted.set(true);
    expect(submission.problem(control, words)).toBe('Give a name.');
    control.setValue('Too long');
    expect(submission.problem(control, words)).toBe('Keep it to 3 characters.');
    control.setErrors({ server: 'That name is taken.' });
    expect(submission.problem(control, words)).toBe('That name is taken.');
    control.setValue('Ann');
    expect(submission.problem(control, words)).toBe('');
  });

  it('shows a problem once the control is touched, before any submit', () => {
    const control = new FormControl('', Validators.required);
    const submission = formSubmission();

    expect(submission.shows(control)).toBe(false);
    control.markAsTouched();
    expect(submission.shows(control)).toBe(true);
  });
});
