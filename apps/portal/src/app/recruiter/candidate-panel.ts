import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ApplicationView, DocumentView } from '@heardback/contracts';
import { formatDate } from '../core/date-time';
import { fileSize } from '../core/document-words';

/**
 * The candidate on the agency's application page: how to reach them (email, phone, where they are,
 * their time zone, their link) and what they sent (CV, cover letter). Every download is audited.
 */
@Component({
  selector: 'hb-candidate-panel',
  templateUrl: './candidate-panel.html',
  styleUrl: './candidate-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CandidatePanel {
  readonly application = input.required<ApplicationView>();

  protected readonly details = computed(() => this.application().candidateDetails);
  protected readonly documents = computed(() => this.application().documents);

  protected describe(document: DocumentView): string {
    return `${fileSize(document.sizeBytes)}, uploaded ${formatDate(document.createdAt)}`;
  }
}
