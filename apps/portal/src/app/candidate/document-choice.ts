import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DocumentKind, DocumentView } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { formatDate } from '../core/date-time';
import { fileSize } from '../core/document-words';
import { Loadable, errorOf, loadable, valueOf } from '../core/loadable';
import { CandidateApi } from './candidate-api';
import { DocumentUpload } from './document-upload';

let choicesMade = 0;

/**
 * Which CV goes with an application: one the candidate keeps (the newest is chosen at first), or
 * one uploaded here and then. `chosen` says the document's id whenever the choice changes, null
 * while there is none.
 */
@Component({
  selector: 'hb-document-choice',
  imports: [DocumentUpload],
  template: `
    <fieldset class="choice">
      <legend class="choice__legend">Which CV goes with this application?</legend>
      @if (loadError(); as problem) {
        <p class="notice notice--error" role="alert">Your CVs could not be loaded. {{ problem }}</p>
      } @else if (cvs(); as cvs) {
        @if (cvs.length === 0) {
          <p class="choice__none">You have no CV with us yet. Upload one below.</p>
        }
        @for (cv of cvs; track cv.id) {
          <label class="choice__option">
            <input
              type="radio"
              [name]="groupName"
              [value]="cv.id"
              [checked]="cv.id === selected()"
              (change)="pick(cv.id)"
            />
            <span class="choice__name">{{ cv.fileName }}</span>
            <span class="choice__facts">{{ describe(cv) }}</span>
          </label>
        }
      } @else {
        <p class="status-line" role="status">Loading your CVs…</p>
      }
    </fieldset>
    <hb-document-upload
      [kind]="cvKind"
      [label]="cvs()?.length === 0 ? 'Upload your CV' : 'Or upload a new CV'"
      [fieldId]="groupName + '-file'"
      (uploaded)="onUploaded($event)"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .choice {
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
    }
    .choice__legend {
      margin-bottom: 0.5rem;
      font-weight: 600;
    }
    .choice__option {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
      padding: 0.375rem 0;
    }
    .choice__name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .choice__facts,
    .choice__none {
      color: var(--hb-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentChoice {
  private readonly api = inject(CandidateApi);

  /**
   * A CV chosen before this box was shown again (the candidate went back from the review to change something):
   * kept if it is still theirs, so going back never swaps the CV they picked for the newest.
   */
  readonly keep = input<string | null>(null);
  /** The CV chosen: its document id, or null while the candidate has none. */
  readonly chosen = output<string | null>();
  /** The same choice as the whole document, for a page that shows what will be sent. */
  readonly chosenDocument = output<DocumentView | null>();

  protected readonly cvKind = DocumentKind.Cv;
  protected readonly groupName = `document-choice-${++choicesMade}`;
  private readonly loaded = signal<Loadable<DocumentView[]>>({ state: 'loading' });
  protected readonly cvs = computed(() => valueOf(this.loaded()));
  protected readonly loadError = computed(() => errorOf(this.loaded()));
  protected readonly selected = signal<string | null>(null);
  private readonly upload = viewChild.required(DocumentUpload);
  /** The name of a CV chosen in the file box and not uploaded yet, or null. */
  readonly waitingUpload = computed(() => this.upload().waiting());

  /** Says at the file box that its file is not uploaded yet (see `waitingUpload`). */
  remindToUpload(): void {
    this.upload().remindToUpload();
  }

  constructor() {
    loadable(this.api.myDocuments(), { errorMessage: httpErrorMessage })
      .pipe(takeUntilDestroyed())
      .subscribe((state) => {
        if (state.state !== 'ready') return this.loaded.set(state);
        const cvs = state.value.items.filter((document) => document.kind === DocumentKind.Cv);
        this.loaded.set({ state: 'ready', value: cvs });
        // Newest first from the API: the newest is the one most people mean, unless they had chosen.
        const kept = cvs.find((cv) => cv.id === this.keep());
        this.choose(kept?.id ?? cvs[0]?.id ?? null);
      });
  }

  protected describe(cv: DocumentView): string {
    return `${fileSize(cv.sizeBytes)}, uploaded ${formatDate(cv.createdAt)}`;
  }

  /** The candidate picked a CV they keep: a file waiting in the box below is not what they mean any more. */
  protected pick(id: string): void {
    this.upload().clear();
    this.choose(id);
  }

  protected choose(id: string | null): void {
    this.selected.set(id);
    this.chosen.emit(id);
    this.chosenDocument.emit(this.cvs()?.find((cv) => cv.id === id) ?? null);
  }

  protected onUploaded(document: DocumentView): void {
    this.loaded.set({ state: 'ready', value: [document, ...(this.cvs() ?? [])] });
    this.choose(document.id);
  }
}
