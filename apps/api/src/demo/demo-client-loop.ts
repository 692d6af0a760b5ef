import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedbackDecision } from '@heardback/contracts';
import { OPEN_STATUSES } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { ClientContactsService } from '../clients/client-contacts.service';
import { CLOCK, Clock } from '../config/clock';
import { ClientFeedbackPublishing } from '../client-review/client-feedback-publishing.service';
import { ClientReviewLinks } from '../client-review/client-review-links.service';
import { ClientReviewPageService } from '../client-review/client-review-page.service';
import { UserEntity } from '../users/user.entity';
import { DEMO_CLIENT_CONTACTS, DEMO_CLIENTS, demoContactEmail } from './demo-catalogue';

export interface DemoClientWords {
  decision: FeedbackDecision;
  rating: number;
  candidateMessage: string;
  internalNotes: string;
}

/** What two client interviewers wrote through their links, waiting for the recruiter to publish. */
export const CLIENT_DRAFTS: DemoClientWords[] = [
  {
    decision: FeedbackDecision.Advance,
    rating: 3,
    candidateMessage:
      'Thank you for a thoughtful conversation. Your TypeScript is strong and your testing habits are exactly ours: we would like you to meet the team next.',
    internalNotes: 'Solid on types and tests; probe system design in the next round.',
  },
  {
    decision: FeedbackDecision.Reject,
    rating: 2,
    candidateMessage:
      'Thank you for your time. We need someone who has already commissioned grid substations, which we did not hear in the call.',
    internalNotes: 'No substation commissioning yet; a fit for the graduate scheme.',
  },
];

/**
 * The client's part of the demo (issue 13): each client's contacts, and the feedback a client
 * interviewer sends through their review link, made through the product's own paths: the link is
 * issued and emailed as the deadline sweep does it, the draft is submitted as the review page does,
 * and the recruiter publishes it as the one click on the application page does.
 */
@Injectable()
export class DemoClientLoop {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ClientContactsService,
    private readonly links: ClientReviewLinks,
    private readonly reviewPage: ClientReviewPageService,
    private readonly publishing: ClientFeedbackPublishing,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every demo client's contacts, by client index: their ids, in DEMO_CLIENT_CONTACTS order. */
  async addContacts(clientIds: string[], staff: UserEntity): Promise<string[][]> {
    const ids: string[][] = [];
    for (const [index, clientId] of clientIds.entries()) {
      const added: string[] = [];
      for (const person of DEMO_CLIENT_CONTACTS[index] ?? []) {
        const email = demoContactEmail(person.fullName, DEMO_CLIENTS[index]);
        added.push((await this.contacts.add(clientId, { ...person, email }, staff)).id);
      }
      ids.push(added);
    }
    return ids;
  }

  /**
   * The contact's review link for the stage, issued and emailed now (as the sweep does once the
   * interview has ended), then answered through it: a draft that waits for the recruiter.
   * Returns the draft's id.
   */
  async clientAnswers(
    applicationId: string,
    stageId: string,
    contactId: string,
    words: DemoClientWords,
  ): Promise<string> {
    const token = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM applications WHERE id = $1 AND status = ANY($2) FOR UPDATE`, [
        applicationId,
        OPEN_STATUSES,
      ]);
      const link = await this.links.issue(manager, stageId, contactId, this.clock.now());
      await this.links.sendRequest(manager, link, null);
      return link.token;
    });
    await this.reviewPage.submit({ token, ...words });
    const [draft]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM client_feedback_drafts WHERE stage_id = $1 AND contact_id = $2`,
      [stageId, contactId],
    );
    return draft.id;
  }

  /** The recruiter's one click: the client's words, as they are, become the stage's feedback. */
  async publish(applicationId: string, draftId: string, version: number, recruiter: UserEntity): Promise<void> {
    const [draft]: { candidate_message: string }[] = await this.dataSource.query(
      `SELECT candidate_message FROM client_feedback_drafts WHERE id = $1`,
      [draftId],
    );
    await this.publishing.publish(
      applicationId,
      draftId,
      { version, candidateMessage: draft.candidate_message },
      recruiter,
    );
  }
}
