import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import {
  DOCUMENT_FILE_EXTENSIONS,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_UPLOAD_FILE_FIELD,
  DocumentKind,
  DocumentView,
} from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { CandidateApi } from './candidate-api';
import { DOCUMENT_KIND_IN_SENTENCE, DOCUMENT_MAX_SIZE_WORDS } from '../core/document-words';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';

/**
 * Uploads one CV or cover letter. The API judges the file by its content; what it says when it
 * refuses one (not a PDF or DOCX: 415; too large: 413) is shown under the file box as it is.
 */
@Component({
  selector: 'hb-document-upload',
  imports: [FORM_FIELD],
  template: `
    <!-- Not a <form>: it sits inside others (the apply flow's review step), and forms do not nest. -->
    <div class="form document-upload">
      <hb-field
        [label]="label()"
        [fieldId]="fieldId()"
        [hint]="'A PDF or Word (.docx) file, at most ' + maxSize + '.'"
        [problem]="problem()"
      >
        <input #fileInput hbControl class="field__input" type="file" [accept]="accept" (change)="onChoose($event)" />
      </hb-field>
      <div class="profile__actions document-upload__actions">
        <button
          class="button button--secondary"
          type="button"
          [attr.aria-disabled]="submission.busy()"
          (click)="upload()"
        >
          {{ submission.busy() ? 'Uploading…' : 'Upload ' + kindWords() }}
        </button>
        @if (waiting(); as name) {
          <button class="button button--secondary" type="button" (click)="clear()">
            Leave out<span class="visually-hidden"> {{ name }}</span>
          </button>
        }
        <p class="profile__saved" role="status">{{ done() }}</p>
      </div>
    </div>
  `,
  // Its own spacing, wherever it is placed (the profile page's styles do not reach the apply panel).
  styles: `
    .document-upload__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentUpload {
  private readonly api = inject(CandidateApi);
  private readonly focus = focusLater();

  readonly kind = input<DocumentKind>(DocumentKind.Cv);
  readonly label = input('Choose a file');
  readonly fieldId = input('document-file');
  /** The stored document, as the API describes it. */
  readonly uploaded = output<DocumentView>();

  protected readonly accept = DOCUMENT_FILE_EXTENSIONS;
  protected readonly maxSize = DOCUMENT_MAX_SIZE_WORDS;
  protected readonly kindWords = computed(() => DOCUMENT_KIND_IN_SENTENCE[this.kind()]);
  protected readonly problem = signal('');
  protected readonly done = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private file: File | null = null;
  /** The name of a file chosen in the box and not uploaded yet: a form around it must not go on without it. */
  readonly waiting = signal<string | null>(null);

  protected onChoose(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.waiting.set(this.file?.name ?? null);
    this.problem.set('');
    this.done.set('');
  }

  /** Empties the file box: the file chosen there is not to be uploaded (there is no keyboard way to do it in the box). */
  clear(): void {
    this.file = null;
    this.waiting.set(null);
    this.problem.set('');
    this.fileInput().nativeElement.value = '';
  }

  /** Says, at the file box, that the file chosen there is not uploaded yet, and takes the focus there. */
  remindToUpload(): void {
    const name = this.waiting();
    if (name) {
      this.refuse(
        `${name} is chosen but not uploaded yet: press “Upload ${this.kindWords()}” to include it, or “Leave out”.`,
      );
    }
  }

  protected upload(): void {
    if (this.submission.busy()) return;
    this.done.set('');
    const file = this.file;
    if (!file) return this.refuse('Choose a file first.');
    // Said before sending it: ten megabytes and more need not cross a slow connection to be refused.
    if (file.size > DOCUMENT_MAX_BYTES) {
      // Refused here: nothing is waiting to go with a form any more (the reason stays under the box).
      this.waiting.set(null);
      return this.refuse(
        `This file is larger than ${this.maxSize}, the most we accept. Save a smaller copy and upload that.`,
      );
    }
    this.submission.send(() => this.api.uploadDocument(this.kind(), file), {
      done: (document) => {
        this.file = null;
        this.waiting.set(null);
        this.fileInput().nativeElement.value = '';
        this.done.set(`Uploaded ${document.fileName}.`);
        this.uploaded.emit(document);
      },
      failed: (error) => {
        this.waiting.set(null);
        this.refuse(fieldProblem(error, DOCUMENT_UPLOAD_FILE_FIELD, 'The file') ?? httpErrorMessage(error));
        return null;
      },
    });
  }

  private refuse(problem: string): void {
    this.problem.set(problem);
    this.focus(FIRST_INVALID);
  }
}
