import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DOCUMENT_KINDS, DocumentKind, DocumentList, DocumentView } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { formatDate } from '../core/date-time';
import { DOCUMENT_KIND_LABELS, fileSize } from '../core/document-words';
import { FORM_FIELD } from '../core/form-field';
import { Loadable, errorOf, loadable, valueOf } from '../core/loadable';
import { CandidateApi } from './candidate-api';
import { DocumentUpload } from './document-upload';

/**
 * "Your CV and documents" on the profile: upload a new CV or cover letter (earlier versions are
 * kept) and see, download or delete those kept. One that went with an application stays.
 */
@Component({
  selector: 'hb-documents-section',
  imports: [DocumentUpload, FORM_FIELD],
  templateUrl: './documents-section.html',
  styleUrl: './documents-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsSection {
  private readonly api = inject(CandidateApi);

  protected readonly kinds = DOCUMENT_KINDS;
  protected readonly kindLabels = DOCUMENT_KIND_LABELS;
  protected readonly kind = signal<DocumentKind>(DocumentKind.Cv);
  private readonly loaded = signal<Loadable<DocumentList>>({ state: 'loading' });
  protected readonly list = computed(() => valueOf(this.loaded()));
  protected readonly loadError = computed(() => errorOf(this.loaded()));
  /** The document whose delete is being confirmed. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly status = signal('');

  constructor() {
    loadable(this.api.myDocuments(), { errorMessage: httpErrorMessage })
      .pipe(takeUntilDestroyed())
      .subscribe((state) => this.loaded.set(state));
  }

  protected describe(document: DocumentView): string {
    return `${this.kindLabels[document.kind]} · ${fileSize(document.sizeBytes)} · uploaded ${formatDate(document.createdAt)}`;
  }

  protected onKind(event: Event): void {
    this.kind.set((event.target as HTMLSelectElement).value as DocumentKind);
  }

  protected onUploaded(document: DocumentView): void {
    const list = this.list();
    if (list) this.loaded.set({ state: 'ready', value: { ...list, items: [document, ...list.items] } });
  }

  protected delete(document: DocumentView): void {
    this.api.deleteDocument(document.id).subscribe({
      next: () => {
        const list = this.list();
        if (list) {
          this.loaded.set({
            state: 'ready',
            value: { ...list, items: list.items.filter((item) => item.id !== document.id) },
          });
        }
        this.confirming.set(null);
        this.status.set(`Deleted ${document.fileName}.`);
      },
      error: (error: unknown) => {
        this.confirming.set(null);
        this.status.set(`${document.fileName} was not deleted. ${httpErrorMessage(error)}`);
      },
    });
  }
}
