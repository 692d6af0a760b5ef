import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormBuilder,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  CreateJobRequest,
  DEFAULT_FEEDBACK_DEADLINE_HOURS,
  EmploymentType,
  FEEDBACK_DEADLINE_MAX_HOURS,
  FEEDBACK_DEADLINE_MIN_HOURS,
  JOB_DESCRIPTION_MAX_LENGTH,
  JOB_LOCATION_MAX_LENGTH,
  JOB_TITLE_MAX_LENGTH,
  JobClosureView,
  JobDetail,
  JobStatus,
  SALARY_MAX,
  WorkMode,
} from '@heardback/contracts';
import { Observable } from 'rxjs';
import { EMPLOYMENT_TYPE_LABELS, WORK_MODE_LABELS } from '../display-labels';
import { CloseJob } from './close-job';
import { PipelineEditor } from './pipeline-editor';
import { PipelineControl, pipelineControl } from './pipeline-rules';
import { StaffApi } from './staff-api';
import { apiError, focusFirstInvalid, sentence, showServerErrors } from '../core/api-error';
import { JOB_STATUS_LABELS } from '../core/agency-labels';
import { Loadable, loadable, LOADING } from '../core/loadable';
import { notBlank } from '../core/text-validators';
const NEW_JOB_PIPELINE = ['Phone screen', 'Interview', 'Final interview'];

/** Salary is optional, but when any part is given, all three are needed and min ≤ max. */
function salaryComplete(group: AbstractControl): ValidationErrors | null {
  const { min, max, currency } = group.value as {
    min: number | null;
    max: number | null;
    currency: string;
  };
  const given = [min !== null, max !== null, currency.trim() !== ''];
  if (given.every((part) => !part)) {
    return null;
  }
  if (!given.every(Boolean)) {
    return { incomplete: true };
  }
  return (min as number) > (max as number) ? { minAboveMax: true } : null;
}

/** Where the page goes after saving, and what it says there. */
export interface JobSavedState {
  savedMessage: string;
}

/** Creates a job, or edits one, with its pipeline of interview stages and its feedback deadline. */
@Component({
  selector: 'hb-job-editor',
  imports: [ReactiveFormsModule, RouterLink, PipelineEditor, CloseJob],
  templateUrl: './job-editor.html',
  styleUrl: './job-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobEditor {
  private readonly api = inject(StaffApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** `:id` from the URL when editing; absent for a new job. */
  readonly id = input<string>();
  protected readonly editing = computed(() => Boolean(this.id()));

  protected readonly clients = toSignal(loadable(this.api.clients()), {
    initialValue: LOADING,
  });
  protected readonly job = signal<Loadable<JobDetail> | null>(null);

  protected readonly workModes = Object.values(WorkMode).map((value) => ({
    value,
    label: WORK_MODE_LABELS[value],
  }));
  protected readonly employmentTypes = Object.values(EmploymentType).map((value) => ({
    value,
    label: EMPLOYMENT_TYPE_LABELS[value],
  }));
  protected readonly statusLabels = JOB_STATUS_LABELS;
  protected readonly draft = JobStatus.Draft;
  protected readonly openStatus = JobStatus.Open;
  protected readonly minHours = FEEDBACK_DEADLINE_MIN_HOURS;
  protected readonly maxHours = FEEDBACK_DEADLINE_MAX_HOURS;
  protected readonly titleMax = JOB_TITLE_MAX_LENGTH;

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
      },
      { validators: salaryComplete },
    ),
    feedbackDeadlineHours: [
      DEFAULT_FEEDBACK_DEADLINE_HOURS,
      [
        Validators.required,
        Validators.min(FEEDBACK_DEADLINE_MIN_HOURS),
        Validators.max(FEEDBACK_DEADLINE_MAX_HOURS),
        Validators.pattern(/^\d+$/),
      ],
    ],
  });
  /** A new array (and editor view) whenever a job is loaded. */
  protected readonly pipeline = signal<PipelineControl>(pipelineControl(NEW_JOB_PIPELINE));

  protected readonly submitted = signal(false);
  protected readonly saving = signal<JobStatus | 'keep' | null>(null);
  protected readonly formError = signal('');
  protected readonly pipelineServerError = signal('');
  /** Said once a closure finishes: the job is then shown closed. */
  protected readonly closedMessage = signal('');

  /** The job's status as loaded: what the buttons offer depends on it. */
  protected readonly loadedStatus = computed(() => {
    const job = this.job();
    return job?.state === 'ready' ? job.value.status : null;
  });
  protected readonly clientList = computed(() => {
    const clients = this.clients();
    return clients.state === 'ready' ? clients.value : [];
  });
  protected readonly lockedLabel = computed(() => {
    const status = this.loadedStatus();
    return status ? JOB_STATUS_LABELS[status].toLowerCase() : '';
  });
  protected readonly locked = computed(() => {
    const status = this.loadedStatus();
    return status === JobStatus.Closed || status === JobStatus.Filled;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) {
        untracked(() => this.load(id));
      }
    });
  }

  /** What Enter in a field does: publish a new job or a draft, save an open one as it is. */
  protected readonly primaryAction = computed((): JobStatus.Open | 'keep' =>
    this.loadedStatus() === JobStatus.Open ? 'keep' : JobStatus.Open,
  );

  protected shows(path: string): boolean {
    const control = this.form.get(path);
    return Boolean(control && control.invalid && (control.touched || this.submitted()));
  }

  protected serverError(path: string): string | null {
    return (this.form.get(path)?.errors?.['server'] as string | undefined) ?? null;
  }

  protected salaryProblem(): string {
    const salary = this.form.controls.salary;
    const visible = this.submitted() || Object.values(salary.controls).every((control) => control.touched);
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

  protected save(status: JobStatus.Draft | JobStatus.Open | 'keep'): void {
    this.submitted.set(true);
    this.formError.set('');
    this.pipelineServerError.set('');
    if (this.saving() || this.locked()) {
      return;
    }
    const pipeline = this.pipeline();
    pipeline.markAllAsTouched();
    if (this.form.invalid || pipeline.invalid) {
      this.formError.set('Some answers need changing: see the messages next to the fields.');
      this.focusProblem();
      return;
    }
    const request = this.request(status);
    const id = this.id();
    const call: Observable<JobDetail> = id ? this.api.updateJob(id, request) : this.api.createJob(request);
    this.saving.set(status);
    call.subscribe({
      next: (job) => {
        this.saving.set(null);
        const state: JobSavedState = {
          savedMessage:
            job.status === JobStatus.Open
              ? `“${job.title}” is open: candidates can find it on the jobs board.`
              : `“${job.title}” is saved as ${JOB_STATUS_LABELS[job.status].toLowerCase()}.`,
        };
        void this.router.navigate(['/staff/jobs'], { state });
      },
      error: (error: unknown) => {
        this.saving.set(null);
        const pipelineDetail = apiError(error)?.details?.find((detail) => detail.field === 'pipeline');
        if (pipelineDetail) {
          this.pipelineServerError.set(sentence(pipelineDetail.reasons));
        }
        this.formError.set(showServerErrors(this.form as FormGroup, error, { pipeline: null }));
        this.focusProblem();
      },
    });
  }

  protected retryLoad(): void {
    const id = this.id();
    if (id) {
      this.load(id);
    }
  }

  protected onClosureFinished(closure: JobClosureView): void {
    this.closedMessage.set(
      `The job is ${JOB_STATUS_LABELS[closure.outcome].toLowerCase()}. ` +
        (closure.total === 0
          ? 'It had no open applications.'
          : `${closure.total} ${closure.total === 1 ? 'candidate has' : 'candidates have'} your message.`),
    );
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
        this.job.set({ state: 'ready', value: job });
        this.fill(job);
      },
      error: () => undefined,
    });
  }

  private load(id: string): void {
    loadable(this.api.job(id)).subscribe((job) => {
      this.job.set(job);
      if (job.state === 'ready') {
        this.fill(job.value);
      }
    });
  }

  private fill(job: JobDetail): void {
    this.form.reset({
      clientId: job.clientId,
      title: job.title,
      description: job.description,
      location: job.location,
      workMode: job.workMode,
      employmentType: job.employmentType,
      salary: {
        min: job.salary?.min ?? null,
        max: job.salary?.max ?? null,
        currency: job.salary?.currency ?? '',
      },
      feedbackDeadlineHours: job.feedbackDeadlineHours,
    });
    this.pipeline.set(pipelineControl(job.pipeline));
    if (this.locked()) {
      this.form.disable();
      this.pipeline().disable();
    }
  }

  private request(status: JobStatus.Draft | JobStatus.Open | 'keep'): CreateJobRequest {
    const value = this.form.getRawValue();
    const { min, max, currency } = value.salary;
    return {
      clientId: value.clientId,
      title: value.title.trim(),
      description: value.description.trim(),
      location: value.location.trim(),
      workMode: value.workMode,
      employmentType: value.employmentType,
      ...(min !== null && max !== null && currency.trim()
        ? {
            salary: {
              min: Number(min),
              max: Number(max),
              currency: currency.trim().toUpperCase(),
            },
          }
        : {}),
      pipeline: this.pipeline()
        .getRawValue()
        .map((name) => name.trim()),
      feedbackDeadlineHours: Number(value.feedbackDeadlineHours),
      ...(status === 'keep' ? {} : { status }),
    };
  }

  private focusProblem(): void {
    afterNextRender(() => focusFirstInvalid(this.host.nativeElement), {
      injector: this.injector,
    });
  }
}
