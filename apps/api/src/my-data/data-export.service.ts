import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataExport, ExportedApplication, ExportedMessage } from '@heardback/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { DOCUMENT_STORE, DocumentStore } from '../documents/document-store';
import { deviceSummary } from '../auth/device-summary';
import { CLOCK, Clock } from '../config/clock';
import { ExportDocument } from './export-archive';
import { hideLinkKeys } from '../notifications/keyed-links';

/** The JSON of the export, and the documents that go beside it. */
export interface PreparedExport {
  json: string;
  documents: ExportDocument[];
}

const iso = (at: Date | null): string | null => at?.toISOString() ?? null;

/**
 * Everything held about a candidate (issue 10, item 6): their profile, each application with the
 * words meant for them (never internal notes, ratings, decisions, interviewer names or events
 * only the agency sees), every email they were sent, what they told the agency, their sessions,
 * and their documents. Read in one repeatable-read snapshot, so the parts agree with each other.
 * A fixed number of queries, whatever the number of applications.
 */
@Injectable()
export class DataExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  prepare(candidateId: string): Promise<PreparedExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const content: DataExport = {
        exportedAt: this.clock.now().toISOString(),
        profile: await this.profile(manager, candidateId),
        applications: await this.applications(manager, candidateId),
        messagesSent: await this.messages(manager, candidateId),
        sessions: await this.sessions(manager, candidateId),
        consents: await this.consents(manager, candidateId),
        documents: [],
      };
      const documents = await this.documents(manager, candidateId);
      content.documents = documents.map(({ listing }) => listing);
      return { json: JSON.stringify(content, null, 2), documents: documents.map(({ file }) => file) };
    });
  }

  private async profile(manager: EntityManager, candidateId: string): Promise<DataExport['profile']> {
    const [user] = await manager.query<
      {
        id: string;
        email: string;
        full_name: string;
        time_zone: string | null;
        created_at: Date;
        email_verified_at: Date | null;
        last_signed_in_at: Date | null;
        phone: string | null;
        location: string | null;
        profile_link: string | null;
      }[]
    >(
      `SELECT id, email, full_name, time_zone, created_at, email_verified_at, last_signed_in_at, phone, location, profile_link
         FROM users WHERE id = $1`,
      [candidateId],
    );
    return {
      id: user.id,
      email: user.email,
      fullName: user.full_name,
      timeZone: user.time_zone,
      createdAt: user.created_at.toISOString(),
      emailVerifiedAt: iso(user.email_verified_at),
      lastSignedInAt: iso(user.last_signed_in_at),
      phone: user.phone,
      location: user.location,
      profileLink: user.profile_link,
    };
  }

  private async applications(manager: EntityManager, candidateId: string): Promise<ExportedApplication[]> {
    const applications = await manager.query<
      {
        id: string;
        title: string;
        client_name: string;
        location: string;
        status: string;
        created_at: Date;
        closed_at: Date | null;
        withdrawal_reason: string | null;
        rejection_message: string | null;
        candidate_decision_at: Date | null;
        screening_answers: { prompt: string; answer: string }[];
        cover_letter_text: string | null;
        cv_file_name: string | null;
        cover_letter_file_name: string | null;
      }[]
    >(
      `SELECT a.id, j.title, c.name AS client_name, j.location, a.status, a.created_at, a.closed_at,
              a.withdrawal_reason, a.rejection_message, a.candidate_decision_at, a.screening_answers,
              a.cover_letter_text, cv.file_name AS cv_file_name, letter.file_name AS cover_letter_file_name
         FROM applications a JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
         LEFT JOIN candidate_documents cv ON cv.id = a.cv_document_id
         LEFT JOIN candidate_documents letter ON letter.id = a.cover_letter_document_id
        WHERE a.candidate_id = $1 ORDER BY a.created_at, a.id`,
      [candidateId],
    );
    const ids = applications.map((application) => application.id);
    const stages = await manager.query<
      {
        application_id: string;
        name: string;
        position: number;
        state: string;
        starts_at: Date | null;
        ends_at: Date | null;
      }[]
    >(
      `SELECT application_id, name, position, state, starts_at, ends_at FROM application_stages
        WHERE application_id = ANY($1) ORDER BY application_id, position`,
      [ids],
    );
    const feedback = await manager.query<
      { application_id: string; stage: string; candidate_message: string; recorded_at: Date }[]
    >(
      `SELECT f.application_id, s.name AS stage, f.candidate_message, f.recorded_at
         FROM feedback f JOIN application_stages s ON s.id = f.stage_id
        WHERE f.application_id = ANY($1) ORDER BY f.recorded_at, f.version`,
      [ids],
    );
    const timeline = await manager.query<{ application_id: string; at: Date; type: string; text: string }[]>(
      `SELECT application_id, at, type, text FROM timeline_events
        WHERE application_id = ANY($1) AND candidate_visible ORDER BY application_id, at, id`,
      [ids],
    );
    const updates = await manager.query<
      { application_id: string; created_at: Date; kind: string; text: string; deadline: Date | null }[]
    >(
      `SELECT application_id, created_at, kind, text, deadline FROM candidate_updates
        WHERE application_id = ANY($1) ORDER BY application_id, created_at DESC`,
      [ids],
    );
    const offers = await manager.query<
      {
        application_id: string;
        title: string;
        pay_amount: number | null;
        pay_currency: string | null;
        pay_period: string | null;
        start_date: string | null;
        message: string | null;
        made_at: Date;
        reply_by: Date;
        answer: string | null;
        answered_at: Date | null;
        decline_reason: string | null;
      }[]
    >(
      `SELECT application_id, title, pay_amount, pay_currency, pay_period, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              message, made_at, reply_by, answer, answered_at, decline_reason
         FROM offers WHERE application_id = ANY($1) ORDER BY application_id, made_at`,
      [ids],
    );
    const satisfaction = await manager.query<
      {
        application_id: string;
        recommend_score: number | null;
        kept_informed: boolean | null;
        words: string | null;
        answered_at: Date;
      }[]
    >(
      `SELECT application_id, recommend_score, kept_informed, words, answered_at
         FROM satisfaction_responses WHERE application_id = ANY($1)`,
      [ids],
    );
    const of = <T extends { application_id: string }>(rows: T[], id: string) =>
      rows.filter((row) => row.application_id === id);
    return applications.map((application) => ({
      id: application.id,
      job: { title: application.title, client: application.client_name, location: application.location },
      status: application.status,
      appliedAt: application.created_at.toISOString(),
      closedAt: iso(application.closed_at),
      withdrawalReason: application.withdrawal_reason,
      closingMessage: application.rejection_message,
      yourDecisionDate: iso(application.candidate_decision_at),
      yourAnswers: application.screening_answers,
      cv: application.cv_file_name,
      coverLetter: application.cover_letter_text ?? application.cover_letter_file_name,
      offers: of(offers, application.id).map((offer) => ({
        title: offer.title,
        pay:
          offer.pay_amount === null
            ? null
            : { amount: offer.pay_amount, currency: offer.pay_currency, period: offer.pay_period },
        startDate: offer.start_date,
        message: offer.message,
        madeAt: offer.made_at.toISOString(),
        replyBy: offer.reply_by.toISOString(),
        answer: offer.answer,
        answeredAt: iso(offer.answered_at),
        yourReason: offer.decline_reason,
      })),
      stages: of(stages, application.id).map((stage) => ({
        name: stage.name,
        position: stage.position,
        state: stage.state,
        startsAt: iso(stage.starts_at),
        endsAt: iso(stage.ends_at),
      })),
      feedback: of(feedback, application.id).map((row) => ({
        stage: row.stage,
        message: row.candidate_message,
        recordedAt: row.recorded_at.toISOString(),
      })),
      timeline: of(timeline, application.id).map((event) => ({
        at: event.at.toISOString(),
        type: event.type,
        text: event.text,
      })),
      yourMessages: of(updates, application.id).map((update) => ({
        at: update.created_at.toISOString(),
        kind: update.kind,
        text: update.text,
        deadline: iso(update.deadline),
      })),
      yourSatisfactionAnswer:
        of(satisfaction, application.id).map((answer) => ({
          recommendScore: answer.recommend_score,
          keptInformed: answer.kept_informed,
          words: answer.words,
          answeredAt: answer.answered_at.toISOString(),
        }))[0] ?? null,
    }));
  }

  /**
   * Every email written to them (subject and body), in the order it was written; index
   * notifications_recipient_idx. As written, but for the links that work as a key (confirm an address,
   * set a password, answer "how did we do?"): the export is read with a session, and a key still in an
   * email not yet sent would let whoever holds that session set the password and lock the owner out.
   * The email itself carries the link; the sender blanks the stored key once it is sent.
   */
  private async messages(manager: EntityManager, candidateId: string): Promise<ExportedMessage[]> {
    const rows = await manager.query<
      {
        created_at: Date;
        sent_at: Date | null;
        recipient_email: string;
        subject: string;
        body: string;
        status: string;
      }[]
    >(
      `SELECT created_at, sent_at, recipient_email, subject, body, status FROM notifications
        WHERE recipient_id = $1 ORDER BY sequence`,
      [candidateId],
    );
    return rows.map((row) => ({
      createdAt: row.created_at.toISOString(),
      sentAt: iso(row.sent_at),
      to: row.recipient_email,
      subject: row.subject,
      body: hideLinkKeys(row.body),
      status: row.status,
    }));
  }

  private async sessions(manager: EntityManager, candidateId: string): Promise<DataExport['sessions']> {
    const rows = await manager.query<
      { user_agent: string | null; created_at: Date; last_seen_at: Date; expires_at: Date }[]
    >(
      `SELECT user_agent, created_at, last_seen_at, expires_at FROM sessions WHERE user_id = $1 ORDER BY last_seen_at DESC`,
      [candidateId],
    );
    return rows.map((row) => ({
      device: deviceSummary(row.user_agent),
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
    }));
  }

  /** Each consent they gave, under which notice version, and whether they withdrew it. */
  private async consents(manager: EntityManager, candidateId: string): Promise<DataExport['consents']> {
    const rows = await manager.query<
      {
        kind: string;
        notice_version: number;
        application_id: string | null;
        given_at: Date;
        withdrawn_at: Date | null;
      }[]
    >(
      `SELECT kind, notice_version, application_id, given_at, withdrawn_at FROM consents
        WHERE candidate_id = $1 ORDER BY given_at, id`,
      [candidateId],
    );
    return rows.map((row) => ({
      kind: row.kind,
      noticeVersion: row.notice_version,
      applicationId: row.application_id,
      givenAt: row.given_at.toISOString(),
      withdrawnAt: iso(row.withdrawn_at),
    }));
  }

  /**
   * The candidate's documents (index candidate_documents_candidate_newest_idx), listed in the
   * snapshot; each file's bytes are read only when the archive reaches it, after the snapshot ends.
   */
  private async documents(
    manager: EntityManager,
    candidateId: string,
  ): Promise<{ listing: DataExport['documents'][number]; file: ExportDocument }[]> {
    const rows = await manager.query<
      { id: string; kind: string; file_name: string; media_type: string; size_bytes: number; created_at: Date }[]
    >(
      `SELECT id, kind, file_name, media_type, size_bytes, created_at FROM candidate_documents
        WHERE candidate_id = $1 ORDER BY created_at DESC, id DESC`,
      [candidateId],
    );
    return rows.map((row, index) => {
      // Prefixed with its place in the list: two versions may share a name.
      const fileName = `${String(index + 1).padStart(2, '0')}-${row.kind}-${row.file_name}`;
      return {
        listing: {
          path: `documents/${fileName}`,
          name: row.file_name,
          contentType: row.media_type,
          uploadedAt: row.created_at.toISOString(),
          sizeBytes: Number(row.size_bytes),
        },
        file: {
          fileName,
          read: async () => {
            const content = await this.store.get(this.dataSource.manager, row.id);
            if (!content) throw new Error(`document ${row.id} vanished while its export was written`);
            return content;
          },
        },
      };
    });
  }
}
