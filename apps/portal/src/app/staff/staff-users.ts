import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  AGENCY_USER_SEARCH_MAX_LENGTH,
  AgencyUserView,
  EMAIL_MAX_LENGTH,
  ErrorCode,
  FULL_NAME_MAX_LENGTH,
  INVITATION_LINK_DAYS,
  UserRole,
} from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { StaffApi } from './staff-api';
import { UserAccess } from './user-access';
import { AgencyLeadToggle } from './agency-lead-toggle';
import { InvitationStatus } from './invitation-status';
import { errorCodeOf } from '../core/api-error';
import { ProblemWords, formSubmission } from '../core/form-submission';
import { formatShortDate } from '../core/date-time';
import { ROLE_LABELS } from '../core/agency-labels';
import { pageData, statusLine } from '../core/loadable';
import { LoadMore, loadMore } from '../core/load-more';
import { shownOfTotal } from '../core/shown-of-total';
import { SearchBox, typedSearch } from '../core/typed-search';
import { LoadState } from '../core/load-state';
import { notBlank } from '../core/text-validators';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { Choice, ChoiceField } from '../core/choice-field';

type AgencyRole = UserRole.Recruiter | UserRole.Staff;

const PROBLEMS = {
  fullName: {
    maxlength: `Keep the name to ${FULL_NAME_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Type the person’s full name.',
  },
  email: {
    required: 'Type the email address they will sign in with.',
    otherwise: 'Type a whole email address, such as name@agency.com.',
  },
  role: { otherwise: 'Choose recruiter or staff.' },
} satisfies Record<string, ProblemWords>;

/** Staff typed the email of someone who already has an account: where to find them instead. */
export const EMAIL_HAS_ACCOUNT =
  'This email already has an account: find the person in the list below by searching for it.';

/**
 * The agency's own accounts: who they are, by name a page at a time ("Load more"), searchable by
 * name or email, and a form to invite a recruiter or staff member, who chooses their own password (ADR 0082).
 */
@Component({
  selector: 'hb-staff-users',
  imports: [
    ReactiveFormsModule,
    LoadState,
    LoadMore,
    UserAccess,
    InvitationStatus,
    AgencyLeadToggle,
    FORM_FIELD,
    ChoiceField,
    SearchBox,
  ],
  templateUrl: './staff-users.html',
  styleUrl: './staff-users.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffUsers {
  private readonly api = inject(StaffApi);
  private readonly focus = focusLater();

  /** What the search box holds, and the search asked for once typing pauses. */
  protected readonly searchBox = typedSearch();
  private readonly search = this.searchBox.search;
  protected readonly searching = computed(() => this.search() !== '');
  protected readonly searchMaxLength = AGENCY_USER_SEARCH_MAX_LENGTH;
  protected readonly users = pageData({
    key: () => this.search(),
    request: (q: string) => this.api.users({ q }),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.users, (cursor) => this.api.users({ q: this.search(), cursor }));
  protected readonly roles: Choice<AgencyRole>[] = [
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
  protected readonly staffRole = UserRole.Staff;
  protected readonly linkDays = INVITATION_LINK_DAYS;
  private readonly session = inject(SessionStore);
  protected readonly myId = computed(() => this.session.user()?.id ?? null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    fullName: ['', [notBlank, Validators.maxLength(FULL_NAME_MAX_LENGTH)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    role: [UserRole.Recruiter as AgencyRole, Validators.required],
  });
  protected readonly submission = formSubmission({ form: this.form, onInvalid: () => this.focus(FIRST_INVALID) });
  protected readonly created = signal('');

  /** The API's order (by name), page after page: never re-sorted here, so pages add at the end. */
  protected readonly list = computed(() =>
    (this.users.value()?.items ?? []).map((user) => ({ ...user, since: formatShortDate(user.createdAt) })),
  );
  protected readonly statusMessage = computed(() =>
    statusLine(this.users.state(), 'Loading accounts…', () => {
      const typed = this.search();
      const none = this.searching() ? `No account’s name or email contains “${typed}”` : 'No accounts';
      const shown = shownOfTotal(this.list().length, this.users.value()?.total ?? 0, 'account', none);
      return this.searching() && this.list().length > 0 ? `${shown} whose name or email contains “${typed}”` : shown;
    }),
  );

  /** An account changed on its row (disabled, enabled, made a lead): the row shows the API's copy, in place. */
  protected changed(user: AgencyUserView): void {
    this.users.update((page) => ({
      ...page,
      items: page.items.map((each) => (each.id === user.id ? user : each)),
    }));
  }

  protected problem(name: keyof typeof this.form.controls): string {
    return this.submission.problem(this.form.controls[name], PROBLEMS[name]);
  }

  protected create(): void {
    this.created.set('');
    if (!this.submission.begin()) {
      return;
    }
    const { fullName, email, role } = this.form.getRawValue();
    this.submission.send(() => this.api.inviteUser({ fullName: fullName.trim(), email: email.trim(), role }), {
      done: (user) => {
        this.submission.submitted.set(false);
        this.form.reset();
        this.created.set(
          `Invitation sent to ${user.fullName} (${ROLE_LABELS[user.role].toLowerCase()}) at ${user.email}. They can sign in once they have chosen a password from the link.`,
        );
        this.users.reload();
      },
      failed: (error) => {
        this.focus(FIRST_INVALID);
        if (errorCodeOf(error) === ErrorCode.EmailTaken) {
          const email = this.form.controls.email;
          // Staff make accounts for other people: "sign in instead" would be the wrong advice.
          email.setErrors({ server: EMAIL_HAS_ACCOUNT });
          email.markAsTouched();
          return null;
        }
        return this.submission.errorMessage(error);
      },
    });
  }
}
