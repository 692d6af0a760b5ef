import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { AgencyUserView, ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, UserRole } from '@heardback/contracts';
import { PASSWORD_RULE } from '@heardback/domain';
import { SessionStore } from '../core/session';
import { StaffApi } from './staff-api';
import { UserAccess } from './user-access';
import { apiError, errorCodeOf, focusFirstInvalid, showServerErrors } from '../core/api-error';
import { formatShortDate } from '../core/date-time';
import { ROLE_LABELS } from '../core/agency-labels';
import { Loadable, loadable } from '../core/loadable';
import { notBlank } from '../core/text-validators';

type AgencyRole = UserRole.Recruiter | UserRole.Staff;

/** The agency's own accounts: who they are, and a form to create a recruiter or staff account. */
@Component({
  selector: 'hb-staff-users',
  imports: [ReactiveFormsModule, UserAccess],
  templateUrl: './staff-users.html',
  styleUrl: './staff-users.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffUsers {
  private readonly api = inject(StaffApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly users = signal<Loadable<AgencyUserView[]>>({ state: 'loading' });
  protected readonly roles: { value: AgencyRole; label: string; hint: string }[] = [
    {
      value: UserRole.Recruiter,
      label: ROLE_LABELS[UserRole.Recruiter],
      hint: 'Schedules interviews and records feedback',
    },
    {
      value: UserRole.Staff,
      label: ROLE_LABELS[UserRole.Staff],
      hint: 'Also manages clients, jobs and accounts',
    },
  ];
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly passwordRule = PASSWORD_RULE;
  private readonly session = inject(SessionStore);
  protected readonly myId = computed(() => this.session.user()?.id ?? null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    fullName: ['', [notBlank, Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    role: [UserRole.Recruiter as AgencyRole, Validators.required],
  });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal('');
  protected readonly created = signal('');

  protected readonly list = computed(() => {
    const users = this.users();
    return users.state === 'ready'
      ? [...users.value]
          .sort((a, b) => a.fullName.localeCompare(b.fullName))
          .map((user) => ({ ...user, since: formatShortDate(user.createdAt) }))
      : [];
  });
  protected readonly errorMessage = computed(() => {
    const users = this.users();
    return users.state === 'error' ? users.message : '';
  });
  protected readonly statusMessage = computed(() => {
    switch (this.users().state) {
      case 'loading':
        return 'Loading accounts…';
      case 'error':
        return '';
      default: {
        const count = this.list().length;
        return count === 0 ? 'No accounts' : `${count} ${count === 1 ? 'account' : 'accounts'}`;
      }
    }
  });

  constructor() {
    this.reload();
  }

  protected reload(): void {
    loadable(this.api.users()).subscribe((users) => this.users.set(users));
  }

  protected shows(name: keyof typeof this.form.controls): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  protected problem(name: keyof typeof this.form.controls): string {
    const control = this.form.controls[name];
    const server = control.errors?.['server'] as string | undefined;
    if (server) return server;
    switch (name) {
      case 'fullName':
        return control.hasError('maxlength')
          ? 'Keep the name to 120 characters or fewer.'
          : 'Type the person’s full name.';
      case 'email':
        return control.hasError('required')
          ? 'Type the email address they will sign in with.'
          : 'Type a whole email address, such as name@agency.com.';
      case 'password':
        return control.hasError('required')
          ? `Choose a first password of at least ${PASSWORD_MIN_LENGTH} characters.`
          : control.hasError('minlength')
            ? `Use at least ${PASSWORD_MIN_LENGTH} characters.`
            : `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
      default:
        return 'Choose recruiter or staff.';
    }
  }

  protected create(): void {
    this.submitted.set(true);
    this.formError.set('');
    this.created.set('');
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.focusProblem();
      return;
    }
    const { fullName, email, password, role } = this.form.getRawValue();
    this.saving.set(true);
    this.api.createUser({ fullName: fullName.trim(), email: email.trim(), password, role }).subscribe({
      next: (user) => {
        this.saving.set(false);
        this.submitted.set(false);
        this.form.reset();
        this.created.set(
          `Account created for ${user.fullName} (${ROLE_LABELS[user.role].toLowerCase()}). Give them their email address and first password.`,
        );
        this.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (errorCodeOf(error) === ErrorCode.EmailTaken) {
          const email = this.form.controls.email;
          email.setErrors({ server: apiError(error)?.message ?? 'This email already has an account.' });
          email.markAsTouched();
          this.formError.set('');
        } else {
          this.formError.set(showServerErrors(this.form, error));
        }
        this.focusProblem();
      },
    });
  }

  private focusProblem(): void {
    afterNextRender(() => focusFirstInvalid(this.host.nativeElement), {
      injector: this.injector,
    });
  }
}
