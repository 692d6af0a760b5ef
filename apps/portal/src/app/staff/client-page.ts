import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CLIENT_CONTACTS_MAX, ClientContactView, ClientDetailView } from '@heardback/contracts';
import { agencyErrorMessage } from '../core/api-error';
import { ClientApi } from '../core/client-api';
import { FocusTarget, focusLater } from '../core/focus-later';
import { LoadState } from '../core/load-state';
import { countOf, pageData } from '../core/loadable';
import { ClientContactForm } from './client-contact-form';
import { ClientSettings } from './client-settings';

/** "Grace Hopper, CTO" for a contact's line in the list. */
export function contactLine(contact: Pick<ClientContactView, 'fullName' | 'role'>): string {
  return contact.role ? `${contact.fullName}, ${contact.role}` : contact.fullName;
}

/** One client (/staff/clients/:id): its contacts, whom interviewers are picked from, and its settings. */
@Component({
  selector: 'hb-client-page',
  imports: [RouterLink, LoadState, ClientContactForm, ClientSettings],
  templateUrl: './client-page.html',
  styleUrl: './client-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientPage {
  private readonly api = inject(ClientApi);
  private readonly focus = focusLater();

  readonly id = input.required<string>();

  protected readonly client = pageData({ key: () => this.id(), request: (id) => this.api.client(id), notFound: true });

  protected readonly live = computed(() => (this.client.value()?.contacts ?? []).filter((c) => !c.archivedAt));
  protected readonly archived = computed(() => (this.client.value()?.contacts ?? []).filter((c) => c.archivedAt));
  protected readonly full = computed(() => this.live().length >= CLIENT_CONTACTS_MAX);
  protected readonly contactsMax = CLIENT_CONTACTS_MAX;
  protected readonly liveCount = computed(() => countOf(this.live().length, 'contact', 'No contacts yet'));

  /** The contact being edited, and the one whose archiving waits for confirmation. */
  protected readonly editing = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly archiving = signal(false);
  protected readonly archiveFailure = signal('');
  /** What the last change did, read out. */
  protected readonly status = signal('');
  protected readonly contactLine = contactLine;

  protected onAdded(contact: ClientContactView): void {
    this.replaceContact(contact);
    this.status.set(`${contact.fullName} added. Recruiters can now pick them as an interviewer.`);
  }

  protected startEditing(contact: ClientContactView): void {
    this.confirming.set(null);
    this.editing.set(contact.id);
    this.focus(`#contact-${contact.id}-name`);
  }

  protected stopEditing(contact: ClientContactView): void {
    this.editing.set(null);
    this.focus(`#contact-edit-${contact.id}`);
  }

  protected onEdited(contact: ClientContactView): void {
    this.replaceContact(contact);
    this.editing.set(null);
    this.status.set(`${contact.fullName} saved.`);
    this.focus(`#contact-edit-${contact.id}`);
  }

  protected askToArchive(contact: ClientContactView): void {
    this.editing.set(null);
    this.archiveFailure.set('');
    this.confirming.set(contact.id);
    this.focus(`#contact-archive-confirm-${contact.id}`);
  }

  protected keep(contact: ClientContactView): void {
    this.confirming.set(null);
    this.focus(`#contact-archive-${contact.id}`);
  }

  protected archive(contact: ClientContactView): void {
    if (this.archiving()) {
      return;
    }
    this.archiving.set(true);
    this.archiveFailure.set('');
    this.api.archiveContact(contact.clientId, contact.id).subscribe({
      next: (archived) => {
        this.archiving.set(false);
        this.confirming.set(null);
        this.replaceContact(archived);
        this.status.set(`${archived.fullName} archived: no longer offered as an interviewer.`);
        this.focus(this.headingTarget);
      },
      error: (error: unknown) => {
        this.archiving.set(false);
        this.archiveFailure.set(agencyErrorMessage(error));
      },
    });
  }

  protected onSettingsSaved(client: ClientDetailView): void {
    this.client.set(client);
  }

  private readonly headingTarget: FocusTarget = '#client-contacts-title';

  /** Puts the API's copy of a contact in the list, in the list's order: live by name, then archived. */
  private replaceContact(contact: ClientContactView): void {
    this.client.update((client) => {
      const others = client.contacts.filter((each) => each.id !== contact.id);
      const contacts = [...others, contact].sort(
        (a, b) => Number(!!a.archivedAt) - Number(!!b.archivedAt) || a.fullName.localeCompare(b.fullName),
      );
      const newlyArchived = contact.archivedAt && !client.contacts.find((each) => each.id === contact.id)?.archivedAt;
      return {
        ...client,
        contacts,
        archivedContactsTotal: client.archivedContactsTotal + (newlyArchived ? 1 : 0),
      };
    });
  }
}
