import { DestroyRef, Directive, ElementRef, Renderer2, afterNextRender, inject, input } from '@angular/core';
import { DRAFT_KEPT_WORDS, DraftFields, KeptDrafts } from './kept-drafts';
import { SessionStore } from './session';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What a draft may hold: never a password, a file or a hidden value. */
const KEPT_FIELDS = 'textarea, select, input:not([type=password]):not([type=file]):not([type=hidden])';

/**
 * `<form hbKeepDraft="tell-recruiter">`: what is typed here survives a session that ends before
 * it is sent (see KeptDrafts). On the way back the fields are filled in again, through the same
 * input and change events typing makes, so the form's own state follows, and the form says so.
 * Fields are found by id, and radio groups by name.
 */
@Directive({ selector: 'form[hbKeepDraft]' })
export class KeepDraft {
  /** The form's name, unique on its page. */
  readonly hbKeepDraft = input.required<string>();

  private readonly form = inject<ElementRef<HTMLFormElement>>(ElementRef).nativeElement;
  private readonly renderer = inject(Renderer2);
  private readonly drafts = inject(KeptDrafts);
  private readonly session = inject(SessionStore);

  constructor() {
    const unregister = this.drafts.register({ name: () => this.hbKeepDraft(), read: () => this.read() });
    inject(DestroyRef).onDestroy(unregister);
    afterNextRender(() => {
      const draft = this.drafts.takeBack(this.hbKeepDraft(), this.session.user()?.id);
      if (draft) {
        this.restore(draft);
      }
    });
  }

  private read(): DraftFields {
    const fields: DraftFields = {};
    for (const field of Array.from(this.form.querySelectorAll<Field>(KEPT_FIELDS))) {
      if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
        if (field.checked && field.name) fields[field.name] = field.value;
      } else if (field.id) {
        fields[field.id] = field.value;
      }
    }
    return fields;
  }

  private restore(draft: DraftFields): void {
    // Choices first: choosing can show fields (another offer's deadline) that are filled after.
    const left = this.fill(draft, (field) => field instanceof HTMLInputElement && field.type === 'radio');
    setTimeout(() => {
      this.fill(left, () => true);
      this.say(DRAFT_KEPT_WORDS);
    });
  }

  /** Fills the fields that `which` picks and are on the form now; returns what is left to fill. */
  private fill(draft: DraftFields, which: (field: Field) => boolean): DraftFields {
    const left = { ...draft };
    for (const field of Array.from(this.form.querySelectorAll<Field>(KEPT_FIELDS))) {
      if (!which(field)) continue;
      if (field instanceof HTMLInputElement && field.type === 'radio') {
        if (left[field.name] === field.value) {
          field.checked = true;
          field.dispatchEvent(new Event('change', { bubbles: true }));
          delete left[field.name];
        }
      } else if (field.id in left) {
        field.value = left[field.id];
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
        delete left[field.id];
      }
    }
    return left;
  }

  /**
   * A status line at the top of the form, read out once; gone with the form, or once the words are
   * sent again (a form that stays on the page, such as a recruiter's message, must not keep saying it).
   */
  private say(words: string): void {
    const line = this.renderer.createElement('p') as HTMLParagraphElement;
    this.renderer.addClass(line, 'form__kept');
    this.renderer.setAttribute(line, 'role', 'status');
    this.renderer.appendChild(line, this.renderer.createText(words));
    this.renderer.insertBefore(this.form, line, this.form.firstChild);
    const stopListening = this.renderer.listen(this.form, 'submit', () => {
      line.remove();
      stopListening();
    });
  }
}
