import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import {
  ApplicationStatus,
  ApplicationView,
  ClientFeedbackDraftView,
  ClientReviewLinkState,
  ClientReviewLinkView,
  ErrorCode,
  FeedbackDecision,
  StageState,
} from '@heardback/contracts';
import { formatShortDateTime } from '../core/date-time';
import { localDateTimeToIso } from '../core/local-date-time';
import {
  aClientFeedbackDraft,
  aClientReviewLink,
  aFeedback,
  anApplication,
  apiErrorBody,
  aStage,
  TEST_NOW,
} from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { ClientFeedbackDrafts } from './client-feedback-drafts';
import { STALE_DRAFT_NOTICE } from './client-feedback-draft';

describe('ClientFeedbackDrafts', () => {
  let fixture: ComponentFixture<ClientFeedbackDrafts>;
  let http: HttpTestingController;
  let published: ApplicationView[];
  let staleCount: number;

  const DRAFTS_URL = '/api/agency/applications/app-1/client-feedback';
  const LINKS_URL = '/api/agency/applications/app-1/client-review-links';

  async function answer(drafts: ClientFeedbackDraftView[], links: ClientReviewLinkView[]) {
    await fixture.whenStable();
    http.expectOne(DRAFTS_URL).flush(drafts);
    http.expectOne(LINKS_URL).flush(links);
    await fixture.whenStable();
  }

  async function render(
    drafts: ClientFeedbackDraftView[] = [aClientFeedbackDraft()],
    links: ClientReviewLinkView[] = [aClientReviewLink({ state: ClientReviewLinkState.Used })],
    application = anApplication(),
  ) {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(ClientFeedbackDrafts);
    fixture.componentRef.setInput('application', application);
    published = [];
    staleCount = 0;
    fixture.componentInstance.published.subscribe((view) => published.push(view));
    fixture.componentInstance.stale.subscribe(() => staleCount++);
    await answer(drafts, links);
  }

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null = view()) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((candidate) => text(candidate).startsWith(name)) as
      | HTMLButtonElement
      | undefined;
  const message = () => view().querySelector('[data-testid="client-draft"] textarea') as HTMLTextAreaElement;
  async function edit(words: string) {
    message().value = words;
    message().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  async function click(name: string) {
    button(name)?.click();
    await fixture.whenStable();
  }

  it('takes focus once the drafts arrive when the page was opened to review them', async () => {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(ClientFeedbackDrafts);
    fixture.componentRef.setInput('application', anApplication());
    fixture.componentRef.setInput('focusOnArrival', true);
    document.body.appendChild(fixture.nativeElement);
    await answer([aClientFeedbackDraft()], []);
    await new Promise((next) => setTimeout(next));
    expect(document.activeElement?.id).toBe('client-feedback-title');
    fixture.nativeElement.remove();
  });

  it('shows nothing while the application has no review link or draft', async () => {
    await render([], []);
    expect(view().querySelector('section')).toBeNull();
  });

  it('shows each draft under its stage: who, when, the decision, the rating and the notes for the agency', async () => {
    await render();

    const draft = view().querySelector('[data-testid="client-draft"]');
    expect(text(view().querySelector('.client-feedback__stage-name'))).toBe('Phone screen');
    expect(text(draft?.querySelector('h4'))).toBe('Jo Hiring, Engineering manager');
    expect(text(draft?.querySelector('.draft__when'))).toBe(
      `Sent ${formatShortDateTime('2026-05-30T08:30:00.000Z')}`.replace(/\s+/g, ' '),
    );
    expect(text(draft?.querySelector('.draft__decision'))).toBe('Advance · rated 3 of 4 (Good)');
    expect(text(draft?.querySelector('.draft__internal'))).toContain('Strong on systems, a little quiet.');
    expect(message().value).toBe('Great conversation about queues; we would like you to meet the team.');
  });

  it('says when a held candidate hears again', async () => {
    await render([
      aClientFeedbackDraft({ decision: FeedbackDecision.Hold, rating: 2, holdUntil: '2026-06-08T16:00:00.000Z' }),
    ]);
    expect(text(view().querySelector('.draft__decision'))).toBe(
      `Hold · rated 2 of 4 (Doubts) · hears again by ${formatShortDateTime('2026-06-08T16:00:00.000Z')}`.replace(
        /\s+/g,
        ' ',
      ),
    );
  });

  it('publishes the words as the recruiter edited them, with the version they saw, in one click', async () => {
    await render();
    await edit('  Great conversation. We would like you to meet the team next week.  ');
    await click('Publish to candidate');

    const request = http.expectOne({ method: 'POST', url: `${DRAFTS_URL}/draft-1/publish` });
    expect(request.request.body).toEqual({
      version: 3,
      candidateMessage: 'Great conversation. We would like you to meet the team next week.',
    });
    const after = anApplication({ version: 4 });
    request.flush(after);
    await fixture.whenStable();

    expect(published).toEqual([after]);
  });

  it('asks for a new date when a held candidate’s date from the client has passed, and sends it', async () => {
    await render([
      aClientFeedbackDraft({ decision: FeedbackDecision.Hold, rating: 2, holdUntil: '2026-05-31T16:00:00.000Z' }),
    ]);
    await click('Publish to candidate');
    expect(text(view().querySelector('hb-due-date-fields .field__error'))).toBe('Choose the date.');
    http.expectNone(`${DRAFTS_URL}/draft-1/publish`);

    const date = view().querySelector('#client-draft-draft-1-hold-until-date') as HTMLInputElement;
    date.value = '2026-06-05';
    date.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    await click('Publish to candidate');

    const request = http.expectOne(`${DRAFTS_URL}/draft-1/publish`);
    expect(request.request.body.holdUntil).toBe(localDateTimeToIso('2026-06-05', '17:00'));
    request.flush(anApplication({ version: 4 }));
    await fixture.whenStable();
  });

  it('keeps the client’s date for a hold unless the recruiter gives a new one', async () => {
    await render([
      aClientFeedbackDraft({ decision: FeedbackDecision.Hold, rating: 2, holdUntil: '2026-06-08T16:00:00.000Z' }),
    ]);
    await click('Publish to candidate');

    const request = http.expectOne(`${DRAFTS_URL}/draft-1/publish`);
    expect(request.request.body).toEqual({ version: 3, candidateMessage: aClientFeedbackDraft().candidateMessage });
    request.flush(anApplication({ version: 4 }));
    await fixture.whenStable();
  });

  it('refuses to publish empty words and sends nothing', async () => {
    await render();
    await edit('   ');
    await click('Publish to candidate');

    expect(text(view().querySelector('.field__error'))).toBe(
      'Write what Ana will read: every candidate hears back, in words.',
    );
    http.expectNone(`${DRAFTS_URL}/draft-1/publish`);
  });

  it('on a stale version, asks the page to reload, says so, and keeps the edited words', async () => {
    await render();
    await edit('My edited words.');
    await click('Publish to candidate');
    http
      .expectOne(`${DRAFTS_URL}/draft-1/publish`)
      .flush(...apiErrorBody(409, ErrorCode.StaleVersion, 'Someone else changed it.'));
    await fixture.whenStable();

    expect(staleCount).toBe(1);
    expect(text(view().querySelector('[role="alert"]'))).toBe(STALE_DRAFT_NOTICE);

    // The page reloads the application: the panel asks again, and the words typed stay.
    fixture.componentRef.setInput('application', anApplication({ version: 4 }));
    await answer([aClientFeedbackDraft()], []);
    expect(message().value).toBe('My edited words.');
  });

  it('says who published a draft and when, or that it was published automatically', async () => {
    await render(
      [
        aClientFeedbackDraft({
          publishedAt: '2026-05-31T09:00:00.000Z',
          publishedBy: { id: 'user-1', fullName: 'Riley Recruiter' },
        }),
        aClientFeedbackDraft({
          id: 'draft-2',
          contact: { id: 'contact-2', fullName: 'Sam Client', role: '' },
          publishedAt: '2026-05-31T10:00:00.000Z',
          publishedBy: null,
        }),
      ],
      [],
    );

    const lines = Array.from(view().querySelectorAll('.draft__published'), (line) => text(line));
    expect(lines).toEqual([
      `Published by Riley Recruiter, ${formatShortDateTime('2026-05-31T09:00:00.000Z')}`.replace(/\s+/g, ' '),
      `Published automatically, ${formatShortDateTime('2026-05-31T10:00:00.000Z')}`.replace(/\s+/g, ' '),
    ]);
    expect(view().querySelector('textarea')).toBeNull();
    expect(button('Publish to candidate')).toBeUndefined();
  });

  it('shows a draft that came after the stage had its feedback as not published, with no way to publish it', async () => {
    const published = aClientFeedbackDraft({
      publishedAt: '2026-05-31T09:00:00.000Z',
      publishedBy: { id: 'user-1', fullName: 'Riley Recruiter' },
    });
    const second = aClientFeedbackDraft({
      id: 'draft-2',
      contact: { id: 'contact-2', fullName: 'Owen Hughes', role: '' },
      candidateMessage: 'Owen’s words.',
    });
    const decided = anApplication({
      stages: [
        aStage({ id: 'stage-1', name: 'Phone screen', state: StageState.FeedbackRecorded, feedback: aFeedback() }),
      ],
    });
    await render([published, second], [], decided);

    const drafts = view().querySelectorAll('[data-testid="client-draft"]');
    expect(text(drafts[1])).toContain('Owen’s words.');
    expect(text(drafts[1].querySelector('.draft__published'))).toBe(
      'Not published Phone screen’s feedback was recorded without this draft, so Ana did not read these words. They stay here for the agency. What Ana read stays as it was recorded; to add to it, send Ana a message from this page.',
    );
    expect(view().querySelector('textarea')).toBeNull();
    expect(button('Publish to candidate')).toBeUndefined();
  });

  it('says when the recruiter published the client’s draft with edited words', async () => {
    const draft = aClientFeedbackDraft({
      publishedAt: '2026-05-31T09:00:00.000Z',
      publishedBy: { id: 'user-1', fullName: 'Riley Recruiter' },
    });
    const edited = anApplication({
      stages: [
        aStage({
          id: 'stage-1',
          state: StageState.FeedbackRecorded,
          feedback: aFeedback({ candidateMessage: 'Edited by the recruiter.' }),
        }),
      ],
    });
    await render([draft], [], edited);
    expect(text(view().querySelector('.draft__edited'))).toBe(
      'Published with edited words: the stage above shows what Ana reads.',
    );

    fixture.componentRef.setInput(
      'application',
      anApplication({
        version: 4,
        stages: [
          aStage({
            id: 'stage-1',
            state: StageState.FeedbackRecorded,
            feedback: aFeedback({ candidateMessage: draft.candidateMessage }),
          }),
        ],
      }),
    );
    await answer([draft], []);
    expect(view().querySelector('.draft__edited')).toBeNull();
  });

  it('offers nothing to do with the links of a closed application, and says why', async () => {
    await render(
      [],
      [aClientReviewLink({ state: ClientReviewLinkState.Revoked })],
      anApplication({ status: ApplicationStatus.Withdrawn }),
    );
    const [row] = Array.from(view().querySelectorAll('[data-testid="client-review-link"]'));
    expect(text(row.querySelector('.badge'))).toBe('Closed with the application');
    expect(row.querySelector('button')).toBeNull();
  });

  it('says a link closed because its interviewer left the client, and offers no new one', async () => {
    await render(
      [],
      [
        aClientReviewLink({
          state: ClientReviewLinkState.Revoked,
          contactLeftAt: '2026-06-01T09:00:00.000Z',
        }),
      ],
    );
    const [row] = Array.from(view().querySelectorAll('[data-testid="client-review-link"]'));
    expect(text(row.querySelector('.badge'))).toBe('Closed: they left the client');
    expect(text(row.querySelector('.link__dates'))).toContain(
      `closed ${formatShortDateTime('2026-06-01T09:00:00.000Z')}`.replace(/\s+/g, ' '),
    );
    expect(row.querySelector('button')).toBeNull();
  });

  it('lists the review links with their state, and offers revoke only while a link opens', async () => {
    await render(
      [],
      [
        aClientReviewLink(),
        aClientReviewLink({
          id: 'link-2',
          contact: { id: 'contact-2', fullName: 'Sam Client', email: 'sam@northwind.example' },
          state: ClientReviewLinkState.Expired,
        }),
        aClientReviewLink({
          id: 'link-3',
          contact: { id: 'contact-3', fullName: 'Lee Used', email: 'lee@northwind.example' },
          state: ClientReviewLinkState.Used,
        }),
      ],
    );

    const rows = Array.from(view().querySelectorAll('[data-testid="client-review-link"]'));
    expect(rows.map((row) => text(row.querySelector('.badge')))).toEqual([
      'Waiting for their feedback',
      'Expired',
      'Feedback sent',
    ]);
    expect(Array.from(rows[0].querySelectorAll('button'), (b) => text(b))).toEqual([
      'Revoke the link of Jo Hiring',
      'Send a new link to Jo Hiring',
    ]);
    expect(Array.from(rows[1].querySelectorAll('button'), (b) => text(b))).toEqual(['Send a new link to Sam Client']);
    expect(rows[2].querySelector('button')).toBeNull();
    expect(text(rows[0].querySelector('.link__dates'))).toBe(
      `Sent ${formatShortDateTime('2026-05-29T10:00:00.000Z')} · works until ${formatShortDateTime('2026-06-12T16:00:00.000Z')}`.replace(
        /\s+/g,
        ' ',
      ),
    );
    expect(text(rows[1].querySelector('.link__dates'))).toContain(
      `expired ${formatShortDateTime('2026-06-12T16:00:00.000Z')}`.replace(/\s+/g, ' '),
    );
  });

  it('asks before revoking a link, and does nothing when the recruiter keeps it', async () => {
    await render([], [aClientReviewLink()]);

    await click('Revoke');
    expect(text(view().querySelector('.link__confirm'))).toContain('Revoke the link sent to Jo Hiring?');
    http.expectNone('/api/agency/client-review-links/link-1/revoke');

    await click('Keep it');
    expect(view().querySelector('.link__confirm')).toBeNull();
    http.expectNone('/api/agency/client-review-links/link-1/revoke');
  });

  it('revokes a link once confirmed, says so and shows its new state', async () => {
    await render([], [aClientReviewLink()]);

    await click('Revoke');
    await click('Revoke link');
    const request = http.expectOne({ method: 'POST', url: '/api/agency/client-review-links/link-1/revoke' });
    request.flush(aClientReviewLink({ state: ClientReviewLinkState.Revoked }));
    await answer([], [aClientReviewLink({ state: ClientReviewLinkState.Revoked })]);

    expect(text(view().querySelector('.client-feedback__notice'))).toBe(
      'The link sent to Jo Hiring is revoked: it no longer opens.',
    );
    expect(text(view().querySelector('[data-testid="client-review-link"] .badge'))).toBe('Revoked');
  });

  it('sends a new link and says to whom', async () => {
    await render([], [aClientReviewLink({ state: ClientReviewLinkState.Expired })]);

    await click('Send a new link');
    http
      .expectOne({ method: 'POST', url: '/api/agency/client-review-links/link-1/resend' })
      .flush(aClientReviewLink({ id: 'link-2' }));
    await answer([], [aClientReviewLink({ id: 'link-2' })]);

    expect(text(view().querySelector('.client-feedback__notice'))).toContain(
      'A new link is on its way to Jo Hiring (jo@northwind.example)',
    );
  });
});
