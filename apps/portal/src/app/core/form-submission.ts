import { Signal, WritableSignal, signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { Observable } from 'rxjs';
import { agencyErrorMessage, showServerErrors } from './api-error';

export interface SubmitHandlers<T> {
  /** The request succeeded; `busy` is already false. */
  done: (value: T) => void;
  /**
   * The request failed; `busy` is already false. Return the words for the whole form, or null
   * when the failure is shown elsewhere (at a field, or by the host). Without it, the form says
   * the submission's default message.
   */
  failed?: (error: unknown) => string | null;
}

/**
 * The words for what is wrong with a control: by the name of a validator that failed
 * (`maxlength`, `required`, …), the first that matches in the order given, else `otherwise`.
 */
export interface ProblemWords {
  otherwise: string;
  [validator: string]: string;
}

/** One form's request to the API: whether it is under way, and what the whole form says went wrong. */
export interface FormSubmission {
  readonly busy: Signal<boolean>;
  /** True once the person tried to submit: from then on every problem shows, touched or not. */
  readonly submitted: WritableSignal<boolean>;
  /** What went wrong with the last attempt, for the form's alert; '' when nothing did. */
  readonly failure: Signal<string>;
  /** Sets or clears the form's alert, such as before a new attempt. */
  fail(message: string): void;
  /** The default words for a failure; with a form, its field errors are put next to their fields first. */
  errorMessage(error: unknown): string;
  /** Whether a control's problem should show now: once touched, or once the form was submitted. */
  shows(control: AbstractControl | null): boolean;
  /**
   * What a control's field says is wrong, once it shows: the API's reason for it, else the words
   * for the validator that failed; '' while nothing shows.
   */
  problem(control: AbstractControl | null, words: ProblemWords): string;
  /**
   * The start of every submit: marks the form submitted and clears the last failure. False, so
   * the caller stops, while a request is under way or when the form is invalid (`onInvalid` runs).
   */
  begin(): boolean;
  /**
   * Sends the request, unless one is already under way: a second click never sends twice.
   * Clears the last failure first. Returns false when it refused to send.
   */
  send<T>(request: () => Observable<T>, handlers: SubmitHandlers<T>): boolean;
}

export interface FormSubmissionOptions {
  /** The form whose controls show the API's field errors (400 `details`) next to each field. */
  form?: AbstractControl;
  /** API field name → control path, where the form names it differently (see `showServerErrors`). */
  controlFor?: Record<string, string | null>;
  /** The default words for a failure; the agency's by default. */
  errorMessage?: (error: unknown) => string;
  /** What to do when `begin()` finds the form invalid, such as moving focus to the first problem. */
  onInvalid?: () => void;
}

/**
 * The one way a form sends what was typed: a busy flag, the double-submit guard, and the API's
 * errors in words, at their fields where a form is given (through core/api-error).
 */
export function formSubmission({
  form,
  controlFor,
  errorMessage = agencyErrorMessage,
  onInvalid,
}: FormSubmissionOptions = {}): FormSubmission {
  const busy = signal(false);
  const submitted = signal(false);
  const failure = signal('');
  const defaultFailure = (error: unknown): string =>
    form ? showServerErrors(form, error, controlFor) : errorMessage(error);
  const shows = (control: AbstractControl | null): boolean =>
    Boolean(control?.invalid && (control.touched || submitted()));

  return {
    busy: busy.asReadonly(),
    submitted,
    failure: failure.asReadonly(),
    fail: (message) => failure.set(message),
    errorMessage: defaultFailure,
    shows,
    problem(control, words): string {
      if (!control || !shows(control)) {
        return '';
      }
      const errors = control.errors ?? {};
      if (typeof errors['server'] === 'string') {
        return errors['server'];
      }
      const failed = Object.keys(words).find((validator) => validator !== 'otherwise' && validator in errors);
      return failed ? words[failed] : words.otherwise;
    },
    begin(): boolean {
      submitted.set(true);
      failure.set('');
      if (busy()) {
        return false;
      }
      if (form?.invalid) {
        onInvalid?.();
        return false;
      }
      return true;
    },
    send<T>(request: () => Observable<T>, { done, failed = defaultFailure }: SubmitHandlers<T>): boolean {
      if (busy()) {
        return false;
      }
      failure.set('');
      busy.set(true);
      request().subscribe({
        next: (value) => {
          busy.set(false);
          done(value);
        },
        error: (error: unknown) => {
          busy.set(false);
          const message = failed(error);
          if (message !== null) {
            failure.set(message);
          }
        },
      });
      return true;
    },
  };
}
