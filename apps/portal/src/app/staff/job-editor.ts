import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  ANSWER_WITHIN_MAX_WORKING_DAYS,
  ANSWER_WITHIN_MIN_WORKING_DAYS,
  DEFAULT_ANSWER_WITHIN_WORKING_DAYS,
  DEFAULT_SCREENING_WITHIN_WORKING_DAYS,
  EmploymentType,
  JOB_DESCRIPTION_MAX_LENGTH,
  JOB_LOCATION_MAX_LENGTH,
  JOB_TITLE_MAX_LENGTH,
  JobClosureView,
  AgencyJobDetail,
  JobStatus,
  SALARY_MAX,
  PayPeriod,
  WorkMode,
} from '@heardback/contracts';
import { EMPTY } from 'rxjs';
import { EMPLOYMENT_TYPE_OPTIONS, PAY_PERIOD_OPTIONS, WORK_MODE_OPTIONS, workingDaysText } from '../display-labels';
import { CloseJob } from './close-job';
import { PipelineEditor } from './pipeline-editor';
import { ScreeningQuestionEditor } from './screening-question-editor';
import { QuestionDraft, questionDraft, questionInputs, questionsValid } from './screening-question-rules';
import { PipelineControl, pipelineControl } from './pipeline-rules';
import { StaffApi } from './staff-api';
import { ClientPicker } from './client-picker';
import { JobSavedState } from '../recruiter/job-list';
import { apiError, sentence } from '../core/api-error';
import { ProblemWords, formSubmission } from '../core/form-submission';
import { JOB_STATUS_LABELS } from '../core/agency-labels';
import { Loadable, pageData } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { formatDate } from '../core/date-time';
import { SaveAs, closedMessage, jobFormValue, jobRequest, salaryComplete, savedMessage } from './job-form';
import { notBlank } from '../core/text-validators';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
const NEW_JOB_PIPELINE = ['Phone screen', 'Interview', 'Final interview'];
const WHOLE_AMOUNT = { otherwise: 'Give a whole amount of 0 or more.' };
const WORKING_DAYS = {
  otherwise: `Give a whole number of working days from ${ANSWER_WITHIN_MIN_WORKING_DAYS} to ${ANSWER_WITHIN_MAX_WORKING_DAYS}.`,
};
/** A promise in whole working days, in the range every job's promise uses. */
const WORKING_DAYS_VALID = [
  Validators.required,
  Validators.min(ANSWER_WITHIN_MIN_WORKING_DAYS),
  Validators.max(ANSWER_WITHIN_MAX_WORKING_DAYS),
  Validators.pattern(/^\d+$/),
];
const PROBLEMS = {
  clientId: {
    unpicked: 'Choose the client from the list as you type.',
    otherwise: 'Choose the client this job is for.',
  },
  title: {
    maxlength: `Keep the title to ${JOB_TITLE_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Give the job a title.',
  },
  location: { otherwise: 'Say where the job is, such as a city, or “Remote”.' },
  description: { otherwise: 'Describe the job: candidates read this before they apply.' },
  'salary.min': WHOLE_AMOUNT,
  'salary.max': WHOLE_AMOUNT,
  'salary.currency': { otherwise: 'Use a three-letter code such as GBP or EUR.' },
  answerWithinWorkingDays: WORKING_DAYS,
  screeningWithinWorkingDays: WORKING_DAYS,
} satisfies Record<string, ProblemWords>;
const NOTHING_TO_LOAD: Loadable<null> = { state: 'ready', value: null };

/** Creates a job, or edits one, with its pipeline of interview stages and its promise of an answer in working days. */
@Component({
  selector: 'hb-job-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    PipelineEditor,
    ScreeningQuestionEditor,
    CloseJob,
    LoadState,
    ClientPicker,
    FORM_FIELD,
  ],
  templateUrl: './job-editor.html',
  styleUrl: './job-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobEditor {
  private readonly api = inject(StaffApi);
  private readonly router = inject(Router);
  private readonly focus = focusLater();

  /** `:id` from the URL when editing; absent for a new job. */
  readonly id = input<string>();
  protected readonly editing = computed(() => Boolean(this.id()));

  protected readonly job = pageData({
    key: () => this.id(),
    request: (id) => (id ? this.api.job(id) : EMPTY),
    loaded: (job) => this.fill(job),
  });
  /** A new job has nothing to load. */
  protected readonly jobState = computed(() => (this.editing() ? this.job.state() : NOTHING_TO_LOAD));

  protected readonly workModes = WORK_MODE_OPTIONS;
  protected readonly employmentTypes = EMPLOYMENT_TYPE_OPTIONS;
  protected readonly statusLabels = JOB_STATUS_LABELS;
  protected readonly draft = JobStatus.Draft;
  protected readonly openStatus = JobStatus.Open;
  protected readonly payPeriods = PAY_PERIOD_OPTIONS;
  protected readonly minDays = ANSWER_WITHIN_MIN_WORKING_DAYS;
  protected readonly maxDays = ANSWER_WITHIN_MAX_WORKING_DAYS;
  protected readonly defaultDays = workingDaysText(DEFAULT_ANSWER_WITHIN_WORKING_DAYS);
  protected readonly defaultScreeningDays = workingDaysText(DEFAULT_SCREENING_WITHIN_WORKING_DAYS);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    clientId: ['', Validators.required],
    title: ['', [notBlank, Validators.maxLength(JOB_TITLE_MAX_LENGTH)]],
    description: ['', [notBlank, Validators.maxLength(JOB_DESCRIPTION_MAX_LENGTH)]],
    location: ['', [notBlank, Validators.maxLength(JOB_LOCATION_MAX_LENGTH)]],
    workMode: [WorkMode.Hybrid as WorkMode, Validators.required],
    employmentType: [EmploymentType.FullTime as EmploymentType, Validators.required],
    salary: this.fb.group(
      {
        min: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(SALARY_MAX)]),
        max: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(SALARY_MAX)]),
        currency: ['', Validators.pattern(/^[A-Za-z]{3}$/)],
        period: [PayPeriod.Year as PayPeriod],
      },
      { validators: salaryComplete },
    ),
    answerWithinWorkingDays: [DEFAULT_ANSWER_WITHIN_WORKING_DAYS, WORKING_DAYS_VALID],
    screeningWithinWorkingDays: [DEFAULT_SCREENING_WITHIN_WORKING_DAYS, WORKING_DAYS_VALID],
  });
  /** A new array (and editor view) whenever a job is loaded. */
  protected readonly pipeline = signal<PipelineControl>(pipelineControl(NEW_JOB_PIPELINE));

  protected readonly submission = formSubmission({ form: this.form, controlFor: { pipeline: null } });
  /** What the button under way saves as, while it does. */
  protected readonly saving = signal<SaveAs | null>(null);
  protected readonly pipelineServerError = signal('');
  /** The job's questions for applicants, as the question editor holds them. */
  protected readonly questions = signal<QuestionDraft[]>([]);
  protected readonly questionsServerError = signal('');
  /** Said once a closure finishes: the job is then shown closed. */
  protected readonly closedMessage = signal('');

  /** The job's status as loaded: what the buttons offer depends on it. */
  protected readonly loadedStatus = computed(() => this.job.value()?.status ?? null);
  /** The loaded job's client, for the picker to show by name. */
  protected readonly chosenClientName = computed(() => this.job.value()?.clientName ?? '');
  protected readonly lockedLabel = computed(() => {
    const status = this.loadedStatus();
    return status ? JOB_STATUS_LABELS[status].toLowerCase() : '';
  });
  protected readonly locked = computed(() => {
    const status = this.loadedStatus();
    return status === JobStatus.Closed || status === JobStatus.Filled;
  });
  /** When a closed job was closed, for its notice; asked for only once the job is known to be closed. */
  private readonly closure = pageData({
    key: () => (this.locked() ? this.id() : undefined),
    request: (id) => (id ? this.api.jobClosureFor(id) : EMPTY),
  });
  /** "Closed on 3 December 2026" (or "Filled on …"); without the date if the closing is not on record. */
  protected readonly lockedHeading = computed(() => {
    const closure = this.closure.value();
    const label = JOB_STATUS_LABELS[this.loadedStatus() ?? JobStatus.Closed];
    return closure ? `${label} on ${formatDate(closure.createdAt)}` : label;
  });

  /** What Enter in a field does: publish a new job or a draft, save an open one as it is. */
  protected readonly primaryAction = computed((): JobStatus.Open | 'keep' =>
    this.loadedStatus() === JobStatus.Open ? 'keep' : JobStatus.Open,
  );

  protected problem(path: keyof typeof PROBLEMS): string {
    return this.submission.problem(this.form.get(path), PROBLEMS[path]);
  }

  protected salaryProblem(): string {
    const salary = this.form.controls.salary;
    const visible = this.submission.submitted() || Object.values(salary.controls).every((control) => control.touched);
    if (!visible) {
      return '';
    }
    if (salary.hasError('incomplete')) {
      return 'Give the minimum, the maximum and the currency, or leave all three empty.';
    }
    if (salary.hasError('minAboveMax')) {
      return 'The minimum must not be more than the maximum.';
    }
    return '';
  }

  protected save(status: SaveAs): void {
    this.submission.submitted.set(true);
    this.submission.fail('');
    this.pipelineServerError.set('');
    this.questionsServerError.set('');
    if (this.submission.busy() || this.locked()) {
      return;
    }
    const pipeline = this.pipeline();
    pipeline.markAllAsTouched();
    if (this.form.invalid || pipeline.invalid || !questionsValid(this.questions())) {
      this.submission.fail('Some answers need changing: see the messages next to the fields.');
      this.focus(FIRST_INVALID);
      return;
    }
    const request = {
      ...jobRequest(this.form.getRawValue(), pipeline.getRawValue(), status),
      screeningQuestions: questionInputs(this.questions()),
    };
    const id = this.id();
    this.saving.set(status);
    this.submission.send(() => (id ? this.api.updateJob(id, request) : this.api.createJob(request)), {
      done: (job) => {
        this.saving.set(null);
        const state: JobSavedState = { savedMessage: savedMessage(job) };
        void this.router.navigate(['/staff/jobs'], { state });
      },
      failed: (error) => {
        this.saving.set(null);
        const pipelineDetail = apiError(error)?.details?.find((detail) => detail.field === 'pipeline');
        if (pipelineDetail) {
          this.pipelineServerError.set(sentence(pipelineDetail.reasons));
        }
        const questionDetail = apiError(error)?.details?.find((detail) =>
          detail.field.startsWith('screeningQuestions'),
        );
        if (questionDetail) {
          const number = /^screeningQuestions(?:\[|\.)(\d+)/.exec(questionDetail.field)?.[1];
          const which = number === undefined ? 'The questions' : `Question ${Number(number) + 1}`;
          this.questionsServerError.set(`${which}: ${sentence(questionDetail.reasons)}`);
        }
        this.focus(FIRST_INVALID);
        return this.submission.errorMessage(error);
      },
    });
  }

  protected onClosureFinished(closure: JobClosureView): void {
    this.closedMessage.set(closedMessage(closure));
    this.refresh();
  }

  /** Loads the job again without leaving the page, e.g. after it was closed. */
  protected refresh(): void {
    const id = this.id();
    if (!id) {
      return;
    }
    this.api.job(id).subscribe({
      next: (job) => {
        this.job.set(job);
        this.fill(job);
      },
      error: () => undefined,
    });
  }

  private fill(job: AgencyJobDetail): void {
    this.form.reset(jobFormValue(job));
    this.pipeline.set(pipelineControl(job.pipeline));
    this.questions.set(job.screeningQuestions.map(questionDraft));
    if (this.locked()) {
      this.form.disable();
      this.pipeline().disable();
    }
  }
}
