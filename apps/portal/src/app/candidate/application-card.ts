import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** One application as a card on /me, with everything said in words. */
export interface ApplicationRow {
  id: string;
  jobTitle: string;
  clientName: string;
  open: boolean;
  status: string;
  stage: string | null;
  waitingFor: string;
  due: { late: boolean; text: string } | null;
  appliedOn: string;
}

@Component({
  selector: 'hb-application-card',
  imports: [RouterLink],
  template: `
    @let app = row();
    <article class="application" [attr.aria-labelledby]="'app-' + app.id">
      <h3 class="application__title" [id]="'app-' + app.id">
        <a [routerLink]="['/me/applications', app.id]" [attr.data-index]="index()">{{ app.jobTitle }}</a>
      </h3>
      <p class="application__client">{{ app.clientName }}</p>
      <dl class="application__facts">
        <div class="application__fact">
          <dt>Status</dt>
          <dd>
            <span class="status" [class.status--closed]="!app.open">{{ app.status }}</span>
          </dd>
        </div>
        @if (app.stage) {
          <div class="application__fact">
            <dt>Current stage</dt>
            <dd>{{ app.stage }}</dd>
          </div>
        }
        <div class="application__fact">
          <dt>Waiting for</dt>
          <dd>{{ app.waitingFor }}</dd>
        </div>
      </dl>
      @if (app.due; as due) {
        <p class="due" [class.due--late]="due.late">{{ due.text }}</p>
      }
      <p class="application__applied">Applied {{ app.appliedOn }}</p>
    </article>
  `,
  styleUrl: './application-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationCard {
  readonly row = input.required<ApplicationRow>();
  /** Its place in the list (`data-index`), so "Load more" can move focus to the first new card. */
  readonly index = input<number | null>(null);
}
