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
  /** "+44 7700 900123" reads better than the stored "+447700900123"; the link dials the stored form. */
  protected readonly phoneWords = computed(() => spacedPhone(this.details().phone));

  protected describe(document: DocumentView): string {
    return `${fileSize(document.sizeBytes)}, uploaded ${formatDate(document.createdAt)}`;
  }
}

/** The country code apart, then the rest in groups of three or four, for reading aloud. */
function spacedPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.slice(1);
  const country = digits.length > 10 ? digits.slice(0, digits.length - 10) : digits.slice(0, 2);
  const rest = digits.slice(country.length);
  return `+${country} ${rest.replace(/(\d{3,4})(?=(\d{3,4})+$)/g, '$1 ').trim()}`;
}
