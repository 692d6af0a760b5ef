import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SessionStore } from '../core/session';
import { ROLE_AS_SUBJECT } from '../display-labels';
import { AgencyMailForm } from './agency-mail-form';
import { ChangePasswordForm } from './change-password-form';
import { SessionList } from './session-list';
import { TimeZoneForm } from './time-zone-form';

/** /account: a recruiter's or staff member's own account: how we email them, their time zone, password and sessions. */
@Component({
  selector: 'hb-agency-account-page',
  imports: [AgencyMailForm, ChangePasswordForm, SessionList, TimeZoneForm],
  templateUrl: './agency-account-page.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyAccountPage {
  protected readonly session = inject(SessionStore);
  protected readonly roleWords = ROLE_AS_SUBJECT;
}
