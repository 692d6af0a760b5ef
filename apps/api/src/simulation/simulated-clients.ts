import { INestApplicationContext } from '@nestjs/common';
import { ClientView, FeedbackDecision } from '@heardback/contracts';
import { DataSource } from 'typeorm';
import { ClientContactsService } from '../clients/client-contacts.service';
import { ClientsService } from '../clients/clients.service';
import { ClientFeedbackDto } from '../client-review/dto/client-review.dto';
import { ClientFeedbackPublishing } from '../client-review/client-feedback-publishing.service';
import { ClientReviewPageService } from '../client-review/client-review-page.service';
import { UserEntity } from '../users/user.entity';
import { SeededRandom } from './simulated-clock';
import { OpenApplication } from './simulation-queries';

/**
 * How a client interviewer answers their review link (issue 13): some within hours, some only days
 * later (a reminder makes it likelier), some never (only the agency's own feedback ends the wait).
 */
export type ResponseProfile = 'prompt' | 'slow' | 'never';
const ANSWER_CHANCE_PER_WORKING_HOUR: Record<ResponseProfile, { asked: number; reminded: number }> = {
  prompt: { asked: 0.3, reminded: 0.5 },
  slow: { asked: 0.02, reminded: 0.15 },
  never: { asked: 0, reminded: 0 },
};

/** Each client's people and settings: who its escalations end with, and whether its words skip the recruiter. */
const CLIENTS: {
  name: string;
  contacts: { fullName: string; role: string; profile: ResponseProfile }[];
  accountOwner: 'staff' | 'none';
  autoPublish: boolean;
}[] = [
  {
    name: 'Northwind',
    contacts: [
      { fullName: 'Nadia Prompt', role: 'Head of Engineering', profile: 'prompt' },
      { fullName: 'Noah Slow', role: 'Team Lead', profile: 'slow' },
    ],
    accountOwner: 'staff',
    autoPublish: false,
  },
  {
    name: 'Bluefin',
    contacts: [
      { fullName: 'Bea Slow', role: 'CTO', profile: 'slow' },
      { fullName: 'Ben Never', role: 'Product Lead', profile: 'never' },
    ],
    accountOwner: 'staff',
    autoPublish: false,
  },
  {
    name: 'Kestrel',
    contacts: [
      { fullName: 'Kim Prompt', role: 'Engineering Manager', profile: 'prompt' },
      { fullName: 'Karl Never', role: 'Architect', profile: 'never' },
    ],
    // No account owner: its second escalations go to the agency leads, or every staff member.
    accountOwner: 'none',
    autoPublish: true,
  },
];

/** A link an interviewer holds: the newest email for an application wins (a reminder replaces the link before). */
interface HeldLink {
  token: string;
  profile: ResponseProfile;
  reminded: boolean;
}

/**
 * The clients of the simulated agency: their contacts, which stages they interview on, and how they
 * answer. Interviewers read their review links from the emails the outbox wrote (request or
 * reminder), as a person reads their inbox, and answer through the service the public endpoint
 * uses, with the token: never by writing drafts directly.
 */
export class SimulatedClients {
  private readonly dataSource: DataSource;
  private readonly contactsOf = new Map<string, { id: string; profile: ResponseProfile }[]>();
  private readonly profileOf = new Map<string, ResponseProfile>();
  private readonly inbox = new Map<string, HeldLink>();
  private readSequence = 0;
  answered = 0;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly random: SeededRandom,
    private readonly attempt: (action: () => Promise<unknown>) => Promise<void>,
  ) {
    this.dataSource = app.get(DataSource);
  }

  /** The clients, each with its contacts and settings; returned in order for the jobs to use. */
  async setUp(staff: UserEntity): Promise<ClientView[]> {
    const clients: ClientView[] = [];
    for (const setting of CLIENTS) {
      const client = await this.app.get(ClientsService).create(setting.name, staff);
      const contacts = [];
      for (const person of setting.contacts) {
        const email = `${person.fullName.toLowerCase().replace(/\s+/g, '.')}@${setting.name.toLowerCase()}.test`;
        const contact = await this.app
          .get(ClientContactsService)
          .add(client.id, { fullName: person.fullName, email, role: person.role }, staff);
        contacts.push({ id: contact.id, profile: person.profile });
        this.profileOf.set(email, person.profile);
      }
      this.contactsOf.set(client.id, contacts);
      await this.app.get(ClientsService).updateSettings(
        client.id,
        {
          accountOwnerId: setting.accountOwner === 'staff' ? staff.id : null,
          autoPublishClientFeedback: setting.autoPublish,
        },
        staff,
      );
      clients.push(client);
    }
    return clients;
  }

  /** Who interviews for the client on a stage: one of its contacts, sometimes two. */
  pickInterviewers(clientId: string): string[] {
    const contacts = this.contactsOf.get(clientId) ?? [];
    if (contacts.length === 0) return [];
    const first = this.random.pick(contacts);
    const second = this.random.chance(0.3) ? this.random.pick(contacts.filter((c) => c.id !== first.id)) : undefined;
    return second ? [first.id, second.id] : [first.id];
  }

  /**
   * The interviewers receive the review emails written since they last looked. Read before the
   * outbox sends them: once sent, the outbox keeps no copy of a link's token (ADR 0031).
   */
  async readMail(): Promise<void> {
    const mails: { sequence: string; kind: string; recipient_email: string; application_id: string; body: string }[] =
      await this.dataSource.query(
        `SELECT sequence, kind, recipient_email, application_id, body FROM notifications
          WHERE sequence > $1 AND kind IN ('client_review_request', 'client_review_reminder')
          ORDER BY sequence`,
        [this.readSequence],
      );
    for (const mail of mails) {
      this.readSequence = Math.max(this.readSequence, Number(mail.sequence));
      const token = /\/client-review#([\w-]+)/.exec(mail.body)?.[1];
      const profile = this.profileOf.get(mail.recipient_email);
      if (!token || !profile) continue;
      this.inbox.set(`${mail.application_id}:${mail.recipient_email}`, {
        token,
        profile,
        reminded: mail.kind === 'client_review_reminder',
      });
    }
  }

  /** In working hours, each interviewer holding a link may answer through it, once. */
  async interviewersAnswer(): Promise<void> {
    for (const [key, held] of [...this.inbox]) {
      const chance = ANSWER_CHANCE_PER_WORKING_HOUR[held.profile];
      if (!this.random.chance(held.reminded ? chance.reminded : chance.asked)) continue;
      this.inbox.delete(key);
      const advance = this.random.chance(0.6);
      const request: ClientFeedbackDto = {
        token: held.token,
        decision: advance ? FeedbackDecision.Advance : FeedbackDecision.Reject,
        rating: advance ? 3 : 2,
        candidateMessage: advance
          ? 'We enjoyed meeting you and would like to see you again.'
          : 'Thank you for your time: we are going with someone closer to our stack.',
      };
      // A link that no longer opens (the agency recorded feedback meanwhile) is refused: counted, not a bug.
      await this.attempt(async () => {
        await this.app.get(ClientReviewPageService).submit(request);
        this.answered++;
      });
    }
  }

  /**
   * The recruiter's turn on a stage a client interviewed for: a client's draft is published as it
   * stands (true: they acted). Without a draft they wait for the client until their own ladder
   * reminds them at the due time, then record the feedback themselves, as one does after a call.
   */
  async recruiterActs(recruiter: UserEntity, application: OpenApplication, publishChance: number): Promise<boolean> {
    if (application.client_draft_id) {
      if (!this.random.chance(publishChance)) return true;
      await this.attempt(() =>
        this.app
          .get(ClientFeedbackPublishing)
          .publish(
            application.id,
            application.client_draft_id as string,
            { version: application.version, candidateMessage: application.client_draft_message as string },
            recruiter,
          ),
      );
      return true;
    }
    return application.client_interviewed && !application.reminded;
  }
}
