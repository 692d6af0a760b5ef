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
  ApplicationView,
  ClientFeedbackDraftView,
  ClientReviewLinkState,
  ClientReviewLinkView,
  StageView,
} from '@heardback/contracts';
import { isOpen } from '@heardback/domain';
import { forkJoin } from 'rxjs';
import { agencyErrorMessage } from '../core/api-error';
import { CLIENT_REVIEW_LINK_STATE_LABELS } from '../core/agency-labels';
import { formatShortDateTime } from '../core/date-time';
import { focusLater } from '../core/focus-later';
import { pageData } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { ClientFeedbackApi } from './client-feedback-api';
import { ClientFeedbackDraft } from './client-feedback-draft';

interface LinkRow {
  link: ClientReviewLinkView;
  stateLabel: string;
  /** "Sent … · works until …", or what ended it and when. */
  dates: string;
  /** Still opens the form: it can be revoked. */
  revocable: boolean;
  /** The interviewer has no working link and gave no feedback: a new one can be sent. */
  resendable: boolean;
}

interface StageGroup {
  stage: StageView;
  drafts: ClientFeedbackDraftView[];
  links: LinkRow[];
}

/** What a link of a closed application says, whatever state it was left in. */
export const CLOSED_APPLICATION_LINK_LABEL = 'Closed with the application';
/** A link whose interviewer left the client (their contact was archived): closed, though nobody revoked it. */
export const CONTACT_LEFT_LINK_LABEL = 'Closed: they left the client';

/** Links whose interviewer may still be sent a new one: not used, not superseded, the stage still open. */
const RESENDABLE = new Set<ClientReviewLinkState>([
  ClientReviewLinkState.Open,
  ClientReviewLinkState.Expired,
  ClientReviewLinkState.Revoked,
]);

/**
 * "Client feedback" on the application page: per stage, what each client interviewer sent through
 * their review link, for the recruiter to publish, and the links themselves, to revoke or send again.
 * Shown only once the application has a link or a draft.
 */
@Component({
  selector: 'hb-client-feedback-drafts',
  imports: [LoadState, ClientFeedbackDraft],
  templateUrl: './client-feedback-drafts.html',
  styleUrl: './client-feedback-drafts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFeedbackDrafts {
  private readonly api = inject(ClientFeedbackApi);

  readonly application = input.required<ApplicationView>();
  /** The page was opened to review client feedback (`#client-feedback`): focus the section once it shows. */
  readonly focusOnArrival = input(false);
  readonly published = output<ApplicationView>();
  readonly stale = output<void>();

  /**
   * Asked again whenever the application changes (its version), so a publish shows at once. The
   * last answer stays on screen meanwhile, so a recruiter's edited words are never thrown away.
   */
  protected readonly loaded = pageData({
    key: () => `${this.application().id}@${this.application().version}`,
    request: () =>
      forkJoin({ drafts: this.api.drafts(this.application().id), links: this.api.links(this.application().id) }),
    loaded: (value) => {
      this.data.set(value);
      if (this.focusOnArrival() && !this.focusedOnArrival && value.drafts.length > 0) {
        this.focusedOnArrival = true;
        this.focus(this.heading);
      }
    },
  });
  private focusedOnArrival = false;
  private readonly focus = focusLater();
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly data = signal<{ drafts: ClientFeedbackDraftView[]; links: ClientReviewLinkView[] } | null>(null);
  protected readonly failed = computed(() => this.loaded.state().state === 'error');

  protected readonly confirmingRevoke = signal<string | null>(null);
  protected readonly busyLink = signal<string | null>(null);
  protected readonly linkNotice = signal<{ text: string; error: boolean } | null>(null);

  protected readonly groups = computed((): StageGroup[] => {
    const loaded = this.data();
    if (!loaded) return [];
    return [...this.application().stages]
      .sort((a, b) => a.position - b.position)
      .map((stage) => ({
        stage,
        drafts: loaded.drafts.filter((draft) => draft.stageId === stage.id),
        links: loaded.links.filter((link) => link.stageId === stage.id).map((link) => this.linkRow(link)),
      }))
      .filter((group) => group.drafts.length > 0 || group.links.length > 0);
  });
  /** Nothing to show until a client interviewer was sent a link; errors still show. */
  protected readonly shown = computed(() => this.failed() || this.groups().length > 0);

  protected askRevoke(link: ClientReviewLinkView): void {
    this.linkNotice.set(null);
    this.confirmingRevoke.set(link.id);
  }

  protected revoke(link: ClientReviewLinkView): void {
    this.confirmingRevoke.set(null);
    this.linkAction(
      link,
      this.api.revokeLink(link.id),
      `The link sent to ${link.contact.fullName} is revoked: it no longer opens.`,
    );
  }

  protected resend(link: ClientReviewLinkView): void {
    this.confirmingRevoke.set(null);
    this.linkAction(
      link,
      this.api.resendLink(link.id),
      `A new link is on its way to ${link.contact.fullName} (${link.contact.email}); any earlier link no longer opens.`,
    );
  }

  private linkAction(
    link: ClientReviewLinkView,
    request: ReturnType<ClientFeedbackApi['revokeLink']>,
    done: string,
  ): void {
    if (this.busyLink()) return;
    this.busyLink.set(link.id);
    this.linkNotice.set(null);
    request.subscribe({
      next: () => {
        this.busyLink.set(null);
        this.linkNotice.set({ text: done, error: false });
        this.loaded.reload();
      },
      error: (error: unknown) => {
        this.busyLink.set(null);
        this.linkNotice.set({ text: `Nothing changed. ${agencyErrorMessage(error)}`, error: true });
        this.loaded.reload();
      },
    });
  }

  private linkRow(link: ClientReviewLinkView): LinkRow {
    // A closed application asks its interviewers nothing more: its links are shown as such, without actions.
    const open = isOpen(this.application().status);
    return {
      link,
      stateLabel: !open
        ? CLOSED_APPLICATION_LINK_LABEL
        : link.contactLeftAt && link.state === ClientReviewLinkState.Revoked
          ? CONTACT_LEFT_LINK_LABEL
          : CLIENT_REVIEW_LINK_STATE_LABELS[link.state],
      dates: linkDates(link),
      revocable: open && link.state === ClientReviewLinkState.Open,
      // Someone who left the client is sent no new link (the API refuses it): the stage's feedback is the agency's.
      resendable: open && RESENDABLE.has(link.state) && !link.contactLeftAt,
    };
  }
}

/** When the link was sent, and until when it works or what ended it. */
export function linkDates(link: ClientReviewLinkView): string {
  const sent = `Sent ${formatShortDateTime(link.createdAt)}`;
  switch (link.state) {
    case ClientReviewLinkState.Open:
      return `${sent} · works until ${formatShortDateTime(link.expiresAt)}`;
    case ClientReviewLinkState.Used:
      return link.submittedAt ? `${sent} · answered ${formatShortDateTime(link.submittedAt)}` : sent;
    case ClientReviewLinkState.Expired:
      return `${sent} · expired ${formatShortDateTime(link.expiresAt)}`;
    case ClientReviewLinkState.Revoked:
    case ClientReviewLinkState.Replaced: {
      const closedAt = link.revokedAt ?? link.contactLeftAt;
      return closedAt ? `${sent} · closed ${formatShortDateTime(closedAt)}` : sent;
    }
    default:
      return sent;
  }
}
