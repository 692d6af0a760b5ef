import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject } from '@angular/core';
import { ActivatedRoute, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

export interface AgencyAreaLink {
  path: string;
  label: string;
  /** Active only on this exact URL (the area's home), not on everything below it. */
  exact?: boolean;
}

/** Route data an agency area (recruiter, staff) gives its shell. */
export interface AgencyAreaData {
  areaName: string;
  links: AgencyAreaLink[];
}

/**
 * The frame of the recruiter and staff areas: the area's own navigation, and the styles every
 * page in the two areas shares (form fields, notices, badges), scoped under `.agency`.
 */
@Component({
  selector: 'hb-agency-shell',
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './agency-shell.html',
  styleUrls: ['./agency-shell.scss', './agency-forms.scss'],
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyShell {
  protected readonly area = inject(ActivatedRoute).snapshot.data as AgencyAreaData;
}
