import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import {
  ApplicationView,
  ClientContactView,
  INTERVIEWERS_MAX,
  INTERVIEWER_NAME_MAX_LENGTH,
  INTERVIEW_FAR_AHEAD_DAYS,
  INTERVIEW_LOCATION_MAX_LENGTH,
  INTERVIEW_MAX_HOURS,
  StageView,
} from '@heardback/contracts';
import { interviewSlotProblem } from '@heardback/domain';
import { of } from 'rxjs';
import { RecruiterApi } from './recruiter-api';
import { contactChoiceLabel, pickableContacts, withinInterviewerLimit } from './client-interviewers';
import { ClientApi } from '../core/client-api';
import { fieldProblem } from '../core/api-error';
import { pageData } from '../core/loadable';
import { candidateSaidLines } from './candidate-said';
import { ProblemWords, formSubmission } from '../core/form-submission';
import { isoToLocalDateAndTime, localDateTimeToIso, userTimeZone } from '../core/local-date-time';
import { NOW, formatDate } from '../core/date-time';
import { notBlank } from '../core/text-validators';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';

/** "Ana Silva, Ben Okafor," → ["Ana Silva", "Ben Okafor"] */
export function interviewerNames(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function interviewersValid(control: AbstractControl<string>): ValidationErrors | null {
  const names = interviewerNames(control.value ?? '');
  if (names.length > INTERVIEWERS_MAX) {
    return { tooMany: true };
  }
  return names.some((name) => name.length > INTERVIEWER_NAME_MAX_LENGTH) ? { nameTooLong: true } : null;
}

const PROBLEMS = {
  date: { otherwise: 'Choose the day of the interview.' },
  start: { otherwise: 'Give the start time.' },
  end: { otherwise: 'Give the end time.' },
  location: {
    maxlength: `Keep it to ${INTERVIEW_LOCATION_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Say where the interview is, or give the video link.',
  },
  interviewers: {
    tooMany: `Name at most ${INTERVIEWERS_MAX} interviewers.`,
    otherwise: `Keep each name to ${INTERVIEWER_NAME_MAX_LENGTH} characters or fewer.`,
  },
} satisfies Record<string, ProblemWords>;

/** The end time must come after the start time on the chosen day, and the slot be no longer than the rule allows. */
function endsAfterStart(group: AbstractControl): ValidationErrors | null {
  const { date, start, end } = group.value as {
    date: string;
    start: string;
    end: string;
  };
  const startsAt = localDateTimeToIso(date, start);
  const endsAt = localDateTimeToIso(date, end);
  if (!startsAt || !endsAt) {
    return null;
  }
  const problem = interviewSlotProblem(new Date(startsAt), new Date(endsAt));
  return problem ? { [problem]: true } : null;
}

const DAY_MS = 86_400_000;

/** Books (or moves) the interview for an application's current stage, in the user's own time zone. */
@Component({
  selector: 'hb-schedule-form',
  imports: [ReactiveFormsModule, FORM_FIELD],
  templateUrl: './schedule-form.html',
  styles: ['.schedule-form__said { margin: 0.5rem 0 1rem; }', '.schedule-form__gone { margin: 0.5rem 0 0; }'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScheduleForm {
  private readonly api = inject(RecruiterApi);
  private readonly clientApi = inject(ClientApi);
  private readonly now = inject(NOW);
  private readonly focus = focusLater();

  readonly application = input.required<ApplicationView>();
  readonly stage = input.required<StageView>();
  readonly scheduled = output<ApplicationView>();

  protected readonly timeZone = userTimeZone();
  protected readonly idPrefix = computed(() => `schedule-${this.stage().id}`);
  /** What the candidate told us about their timing, beside the date being chosen. */
  protected readonly candidateSaid = computed(() => candidateSaidLines(this.application()));

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      date: ['', Validators.required],
      start: ['', Validators.required],
      end: ['', Validators.required],
      location: ['', [notBlank, Validators.maxLength(INTERVIEW_LOCATION_MAX_LENGTH)]],
      interviewers: ['', interviewersValid],
    },
    { validators: endsAfterStart },
  );

  protected readonly submission = formSubmission({
    form: this.form,
    // The picks' problem is shown at their group, below.
    controlFor: { startsAt: 'start', endsAt: 'end', clientInterviewerIds: null },
    onInvalid: () => this.focus(FIRST_INVALID),
  });

  /** The job's client's contacts, to pick interviewers from (the agency's view names the client). */
  protected readonly contacts = pageData({
    key: () => this.application().job.clientId ?? null,
    request: (clientId) => (clientId ? this.clientApi.client(clientId) : of(null)),
    loaded: (client) => this.loadedContacts.set(client ? pickableContacts(client.contacts) : []),
  });
  /** The contacts as last loaded, kept while they are loaded again, so the picks do not vanish meanwhile; null before. */
  private readonly loadedContacts = signal<ClientContactView[] | null>(null);
  protected readonly choices = computed(() => this.loadedContacts() ?? []);
  /** The ids of the contacts ticked. */
  protected readonly picked = signal<ReadonlySet<string>>(new Set());
  /** Picked for this stage before, but no longer a contact of the client: they cannot be picked again. */
  protected readonly noLongerContacts = computed(() => {
    if (this.loadedContacts() === null) return [];
    const live = new Set(this.choices().map((contact) => contact.id));
    return (this.stage().clientInterviewers ?? []).filter((contact) => !live.has(contact.id));
  });
  protected readonly noLongerContactNames = computed(() =>
    this.noLongerContacts()
      .map((contact) => contact.fullName)
      .join(', '),
  );
  /** What is wrong with the picks: too many people in all, or the API's reason. */
  protected readonly pickProblem = signal('');
  protected readonly contactLabel = contactChoiceLabel;

  private readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });

  /** The day and start time as typed: a new value only when either changes. */
  private readonly chosenStart = computed(() => `${this.value().date ?? ''}T${this.value().start ?? ''}`);

  /** True when the chosen start has already passed: the interview is recorded after the fact. */
  protected readonly inThePast = computed(() => {
    const { date = '', start = '' } = this.value();
    const startsAt = localDateTimeToIso(date, start);
    return startsAt !== null && new Date(startsAt) < this.now();
  });

  /**
   * The day chosen is more than INTERVIEW_FAR_AHEAD_DAYS ahead: most likely a slip of the year. Said, not
   * refused: an assessment centre may be booked months out.
   */
  protected readonly farAhead = computed(() => {
    const { date = '', start = '' } = this.value();
    const startsAt = localDateTimeToIso(date, start);
    return startsAt !== null && Date.parse(startsAt) - this.now().getTime() > INTERVIEW_FAR_AHEAD_DAYS * DAY_MS;
  });
  protected readonly farAheadDays = INTERVIEW_FAR_AHEAD_DAYS;

  /**
   * The past time chosen is before the candidate applied: most likely a slip of the month or year, which
   * would tell the candidate of an interview before their application and make its feedback late at once.
   * Said, not refused: a recruiter may have spoken with the candidate before they applied.
   */
  protected readonly beforeApplying = computed(() => {
    const appliedAt = this.application().appliedAt;
    const { date = '', start = '' } = this.value();
    const startsAt = localDateTimeToIso(date, start);
    return appliedAt !== undefined && startsAt !== null && Date.parse(startsAt) < Date.parse(appliedAt)
      ? formatDate(appliedAt)
      : null;
  });

  /**
   * A time in the past tells the candidate the interview took place: a slip of the date must not, so it is
   * saved only once ticked as held then. Asked again whenever the time is changed.
   */
  protected readonly heldConfirmed = signal(false);
  protected readonly heldProblem = signal('');

  private readonly bookingKey = computed(() => {
    const { id, startsAt, endsAt, location, interviewers = [], clientInterviewers = [] } = this.stage();
    return [id, startsAt, endsAt, location, ...interviewers, ...clientInterviewers.map((c) => c.id)].join('|');
  });

  constructor() {
    // "It was held at this time" is about the time shown when it was ticked.
    effect(() => {
      this.chosenStart();
      untracked(() => this.confirmHeld(false));
    });
    // Start from the stage's current arrangement (slot, place and interviewers), whenever it changes:
    // a reschedule that emptied the names would drop the interviewers without anyone choosing to.
    effect(() => {
      this.bookingKey();
      const stage = untracked(this.stage);
      const starts = stage.startsAt ? isoToLocalDateAndTime(stage.startsAt) : null;
      const ends = stage.endsAt ? isoToLocalDateAndTime(stage.endsAt) : null;
      this.form.reset({
        date: starts?.date ?? '',
        start: starts?.time ?? '',
        end: ends?.time ?? '',
        // A place is one line (the API refuses a break); one stored before that rule is shown, and sent, as one.
        location: (stage.location ?? '').replace(/\s*[\r\n]+\s*/g, ' '),
        interviewers: (stage.interviewers ?? []).join(', '),
      });
      this.picked.set(new Set((stage.clientInterviewers ?? []).map((contact) => contact.id)));
      this.pickProblem.set('');
      this.submission.submitted.set(false);
    });
  }

  protected problem(name: keyof typeof this.form.controls): string {
    const problem = this.submission.problem(this.form.controls[name], PROBLEMS[name]);
    if (problem || name !== 'end') {
      return problem;
    }
    if (!this.form.controls.end.touched && !this.submission.submitted()) return '';
    if (this.form.hasError('endBeforeStart')) return 'The interview must end after it starts.';
    return this.form.hasError('tooLong') ? `An interview lasts at most ${INTERVIEW_MAX_HOURS} hours.` : '';
  }

  protected confirmHeld(checked: boolean): void {
    this.heldConfirmed.set(checked);
    this.heldProblem.set('');
  }

  protected togglePick(contactId: string, checked: boolean): void {
    const next = new Set(this.picked());
    if (checked) next.add(contactId);
    else next.delete(contactId);
    this.picked.set(next);
    this.pickProblem.set('');
  }

  /** The picks to send: the ticked contacts still offered (all ticked ones while the list is not loaded). */
  private pickedIds(): string[] {
    if (this.loadedContacts() === null) return [...this.picked()];
    return this.choices()
      .filter((contact) => this.picked().has(contact.id))
      .map((contact) => contact.id);
  }

  protected submit(): void {
    const begun = this.submission.begin();
    const { date, start, end, location, interviewers } = this.form.getRawValue();
    const names = interviewerNames(interviewers);
    const clientInterviewerIds = this.pickedIds();
    const tooMany = !withinInterviewerLimit(names.length, clientInterviewerIds.length);
    this.pickProblem.set(tooMany ? `Pick and name at most ${INTERVIEWERS_MAX} interviewers in all.` : '');
    const heldUnconfirmed = this.inThePast() && !this.heldConfirmed();
    this.heldProblem.set(heldUnconfirmed ? 'Tick “It was held at this time”, or choose a time still to come.' : '');
    if (!begun || tooMany || heldUnconfirmed) {
      if (tooMany) this.focus('#' + this.idPrefix() + '-client-interviewers input');
      else if (begun) this.focus(`#${this.idPrefix()}-held`);
      return;
    }
    const booking = {
      startsAt: localDateTimeToIso(date, start) as string,
      endsAt: localDateTimeToIso(date, end) as string,
      location: location.trim(),
      interviewers: names,
      clientInterviewerIds,
      version: this.application().version,
    };
    this.submission.send(() => this.api.scheduleStage(this.application().id, this.stage().id, booking), {
      done: (updated) => this.scheduled.emit(updated),
      failed: (error) => {
        const pickProblem = fieldProblem(error, 'clientInterviewerIds', 'Client interviewers');
        this.pickProblem.set(pickProblem ?? '');
        // A contact archived meanwhile: show the list as it is now.
        if (pickProblem) this.contacts.reload();
        this.focus(FIRST_INVALID);
        return this.submission.errorMessage(error);
      },
    });
  }
}
