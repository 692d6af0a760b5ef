import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { PageData } from './loadable';

/** A list's status line, read out as it changes, and its Refresh button (inactive while loading). */
@Component({
  selector: 'hb-refresh-bar',
  template: `
    <p class="status-line" role="status" aria-live="polite">{{ status() }}</p>
    <button
      class="button button--secondary"
      type="button"
      [attr.aria-disabled]="data().loading()"
      (click)="data().reload()"
    >
      Refresh
    </button>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      margin-bottom: 0.75rem;
    }

    :host .status-line {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RefreshBar {
  readonly data = input.required<PageData<unknown>>();
  readonly status = input.required<string>();
}
