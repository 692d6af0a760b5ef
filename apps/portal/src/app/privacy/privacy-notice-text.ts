import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * A privacy notice's words as written: blocks split by blank lines; a block whose first line stands
 * alone (a short line followed by more) shows that line as its heading.
 */
@Component({
  selector: 'hb-privacy-notice-text',
  template: `
    @for (block of blocks(); track $index) {
      @if (block.heading) {
        <p class="notice-text__heading">{{ block.heading }}</p>
      }
      <p class="notice-text__paragraph">{{ block.body }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .notice-text__heading {
      margin: 1rem 0 0.25rem;
      font-weight: 700;
    }

    .notice-text__paragraph {
      margin: 0 0 0.75rem;
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyNoticeText {
  readonly text = input.required<string>();

  protected readonly blocks = computed(() =>
    this.text()
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter(Boolean)
      .map((block) => {
        const [first, ...rest] = block.split('\n');
        return rest.length > 0 && first.length <= 80
          ? { heading: first.trim(), body: rest.join('\n').trim() }
          : { heading: '', body: block };
      }),
  );
}
