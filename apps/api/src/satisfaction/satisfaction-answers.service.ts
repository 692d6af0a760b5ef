import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus, ErrorCode, SatisfactionAnswerRequest, SatisfactionView } from '@heardback/contracts';
import {
  DomainError,
  asksHowWeDid,
  fieldError,
  satisfactionAnswerable,
  satisfactionAnswerableUntil,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { satisfactionTokenHash } from './satisfaction-invitations';

interface ClosedApplication {
  id: string;
  status: ApplicationStatus;
  closed_at: Date | null;
  job_title: string;
  client_name: string;
}

interface ResponseRow {
  recommend_score: number | null;
  kept_informed: boolean | null;
  words: string | null;
  answered_at: Date;
}

const APPLICATION_SQL = `
  SELECT a.id, a.status, a.closed_at, j.title AS job_title, c.name AS client_name
    FROM applications a JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id`;

/**
 * The candidate's answer to "how did we do" on a closed application, given through the token in
 * their closing email or on their application page. One row per application: a second answer
 * changes it (each field left out keeps its value) until SATISFACTION_ANSWER_DAYS after closing.
 * Nothing here touches the timeline: the agency must not see who said what.
 */
@Injectable()
export class SatisfactionAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  answerWithToken(token: string, answer: SatisfactionAnswerRequest): Promise<SatisfactionView> {
    return this.dataSource.transaction(async (manager) => {
      const [application] = await manager.query<ClosedApplication[]>(
        `${APPLICATION_SQL} JOIN satisfaction_invitations i ON i.application_id = a.id
          WHERE i.token_hash = $1 FOR UPDATE OF a`,
        [satisfactionTokenHash(token)],
      );
      if (!application) throw unknownLink();
      return this.record(manager, application, answer);
    });
  }

  async getForCandidate(applicationId: string, candidateId: string): Promise<SatisfactionView> {
    const application = await this.ownClosedApplication(this.dataSource.manager, applicationId, candidateId, false);
    const [response] = await this.dataSource.query<ResponseRow[]>(
      `SELECT recommend_score, kept_informed, words, answered_at FROM satisfaction_responses WHERE application_id = $1`,
      [applicationId],
    );
    return this.view(application, response ?? null);
  }

  answerForCandidate(
    applicationId: string,
    candidateId: string,
    answer: SatisfactionAnswerRequest,
  ): Promise<SatisfactionView> {
    return this.dataSource.transaction(async (manager) =>
      this.record(manager, await this.ownClosedApplication(manager, applicationId, candidateId, true), answer),
    );
  }

  /** Only the candidate's own application, closed in a way that asks (`asksHowWeDid`); anything else is 404. */
  private async ownClosedApplication(
    manager: EntityManager,
    applicationId: string,
    candidateId: string,
    lock: boolean,
  ): Promise<ClosedApplication> {
    const [application] = await manager.query<ClosedApplication[]>(
      `${APPLICATION_SQL} WHERE a.id = $1 AND a.candidate_id = $2 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [applicationId, candidateId],
    );
    if (!application || !asksHowWeDid(application.status) || !application.closed_at) {
      throw new DomainError(ErrorCode.NotFound, 'There is no closed application of yours to answer about here.');
    }
    return application;
  }

  /** Under the application's row lock, so two clicks at once land one after the other, each keeping the other's field. */
  private async record(
    manager: EntityManager,
    application: ClosedApplication,
    answer: SatisfactionAnswerRequest,
  ): Promise<SatisfactionView> {
    if (answer.recommendScore === undefined && answer.keptInformed === undefined && answer.words === undefined) {
      throw fieldError(
        'recommendScore',
        'choose how likely you are to recommend us, or answer whether you felt kept informed',
      );
    }
    // A token outlives nothing it names: an application reopened or never closed is not answered about.
    if (!asksHowWeDid(application.status) || !application.closed_at) throw unknownLink();
    const now = this.clock.now();
    if (!satisfactionAnswerable(application.closed_at, now)) {
      throw new DomainError(
        ErrorCode.SatisfactionClosed,
        'The time to answer about this application has passed. Thank you all the same.',
      );
    }
    const [before] = await manager.query<ResponseRow[]>(
      `SELECT recommend_score, kept_informed, words, answered_at FROM satisfaction_responses WHERE application_id = $1`,
      [application.id],
    );
    const merged = {
      recommendScore: answer.recommendScore ?? before?.recommend_score ?? null,
      keptInformed: answer.keptInformed ?? before?.kept_informed ?? null,
      words: answer.words === undefined ? (before?.words ?? null) : answer.words || null,
    };
    if (merged.recommendScore === null && merged.keptInformed === null) {
      throw fieldError(
        'recommendScore',
        'choose how likely you are to recommend us, or answer whether you felt kept informed',
      );
    }
    const [saved] = await manager.query<ResponseRow[]>(
      `INSERT INTO satisfaction_responses (application_id, recommend_score, kept_informed, words, answered_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id) DO UPDATE
         SET recommend_score = EXCLUDED.recommend_score, kept_informed = EXCLUDED.kept_informed,
             words = EXCLUDED.words, answered_at = EXCLUDED.answered_at
       RETURNING recommend_score, kept_informed, words, answered_at`,
      [application.id, merged.recommendScore, merged.keptInformed, merged.words, now],
    );
    return this.view(application, saved);
  }

  private view(application: ClosedApplication, response: ResponseRow | null): SatisfactionView {
    const closedAt = application.closed_at as Date;
    return {
      jobTitle: application.job_title,
      clientName: application.client_name,
      answer: response
        ? {
            recommendScore: response.recommend_score,
            keptInformed: response.kept_informed,
            words: response.words,
            answeredAt: new Date(response.answered_at).toISOString(),
          }
        : null,
      answerableUntil: satisfactionAnswerableUntil(closedAt).toISOString(),
      answerable: satisfactionAnswerable(closedAt, this.clock.now()),
    };
  }
}

function unknownLink(): DomainError {
  return new DomainError(
    ErrorCode.NotFound,
    'This link is not one we sent, or the application it was for no longer exists. Sign in to answer on your application page.',
  );
}
