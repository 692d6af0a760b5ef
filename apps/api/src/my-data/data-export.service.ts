import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataExport, ExportedApplication, ExportedMessage } from '@heardback/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { deviceSummary } from '../auth/device-summary';
import { CLOCK, Clock } from '../config/clock';
import { ExportDocument } from './export-archive';

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
  ) {}

  prepare(candidateId: string): Promise<PreparedExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const content: DataExport = {
        exportedAt: this.clock.now().toISOString(),
        profile: await this.profile(manager, candidateId),
        applications: await this.applications(manager, candidateId),
        messagesSent: await this.messages(manager, candidateId),
        sessions: await this.sessions(manager, candidateId),
        // The consent records (issue 10, item 5) are added here when they land.
        consents: [],
        documents: [],
      };
      return { json: JSON.stringify(content, null, 2), documents: await this.documents(manager, candidateId) };
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
      }[]
    >(
      `SELECT id, email, full_name, time_zone, created_at, email_verified_at, last_signed_in_at FROM users WHERE id = $1`,
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
      }[]
    >(
      `SELECT a.id, j.title, c.name AS client_name, j.location, a.status, a.created_at, a.closed_at,
              a.withdrawal_reason, a.rejection_message, a.candidate_decision_at
         FROM applications a JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
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
    }));
  }

  /** Every email written to them, as written (subject and body), in the order it was written; index notifications_recipient_idx. */
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
      body: row.body,
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

  /**
   * The candidate's documents, each read only when the archive reaches it. The documents table
   * (issue 10, item 1) lands separately: the lead adds its one query here, listing id, file name
   * and type, and `read` fetching one file's bytes.
   */
  private async documents(_manager: EntityManager, _candidateId: string): Promise<ExportDocument[]> {
    return [];
  }
}
