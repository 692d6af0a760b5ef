import { INestApplicationContext } from '@nestjs/common';
import {
  CandidateUpdateKind,
  EmploymentType,
  FeedbackDecision,
  JobStatus,
  UserRole,
  WorkMode,
} from '@heardback/contracts';
import {
  DomainError,
  REDATINGS_BEFORE_STAFF,
  WorkingCalendar,
  endOfWorkingDaysAfter,
  isWithinWorkingHours,
} from '@heardback/domain';
import { DataSource } from 'typeorm';
import { ApplicationDecisionsService } from '../applications/application-decisions.service';
import { CandidateApplicationsService } from '../applications/candidate-applications.service';
import { PromiseRedatingService } from '../applications/promise-redating.service';
import { ReassignmentService } from '../reassignments/reassignment.service';
import { StageFeedbackService } from '../applications/stage-feedback.service';
import { CandidateUpdatesService } from '../candidate-updates/candidate-updates.service';
import { translatePostgresError } from '../database/postgres-errors';
import { DeadlineSweepService } from '../deadlines/deadline-sweep.service';
import { JobClosuresService } from '../job-closures/job-closures.service';
import { JobsService } from '../jobs/jobs.service';
import { NotificationDispatcher } from '../notifications/notification-dispatcher.service';
import { currentPrivacyNotice } from '../privacy/privacy-notices';
import { UserEntity } from '../users/user.entity';
import { SeededRandom, SimulatedClock } from './simulated-clock';
import { SimulatedClients } from './simulated-clients';
import { SimulatedOffers } from './simulated-offers';
import { OpenApplication, escalatedApplications, openApplications } from './simulation-queries';

const HOUR = 3_600_000;

/**
 * How a recruiter gets round to feedback: some at once, some only when chased, some only when
 * escalated, and one never (on holiday, left the agency: their work only moves when staff move it).
 */
type Diligence = 'prompt' | 'steady' | 'slow' | 'waits-for-reminder' | 'waits-for-escalation' | 'never';
const DILIGENCE: Diligence[] = ['prompt', 'steady', 'slow', 'waits-for-reminder', 'waits-for-escalation', 'never'];
const FEEDBACK_CHANCE_PER_HOUR: Record<Diligence, number> = {
  prompt: 0.5,
  steady: 0.15,
  slow: 0.04,
  'waits-for-reminder': 0.25,
  'waits-for-escalation': 0.3,
  never: 0,
};

export interface SimulationParameters {
  weeks: number;
  jobs: number;
  candidatesPerDay: number;
}

/**
 * A simulated agency on the real services and a real database, with a simulated clock: candidates
 * apply, ask for updates and get other offers; recruiters of varying diligence schedule interviews
 * and record feedback; the deadline sweep and the outbox run every simulated hour.
 */
export class AgencySimulation {
  private readonly dataSource: DataSource;
  readonly refusals = new Map<string, number>();
  private recruiters: { user: UserEntity; diligence: Diligence }[] = [];
  private staff!: UserEntity;
  private jobIds: string[] = [];
  private readonly clientOfJob = new Map<string, string>();
  private candidates = 0;

  private readonly offers: SimulatedOffers;
  private readonly clients: SimulatedClients;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly clock: SimulatedClock,
    private readonly random: SeededRandom,
    private readonly calendar: WorkingCalendar,
    private readonly parameters: SimulationParameters,
  ) {
    this.dataSource = app.get(DataSource);
    this.offers = new SimulatedOffers(app, random, (action) => this.attempt(action));
    this.clients = new SimulatedClients(app, random, (action) => this.attempt(action));
  }

  async run(): Promise<string> {
    await this.setUp();
    const hours = this.parameters.weeks * 7 * 24;
    for (let hour = 0; hour < hours; hour++) {
      await this.candidatesArrive();
      if (isWithinWorkingHours(this.clock.now(), this.calendar)) {
        await this.clients.interviewersAnswer();
        await this.recruitersWork();
        await this.staffActOnEscalations();
      }
      await this.candidatesSpeakUp();
      // The next sweep is an hour away: a promise due before then is answered now.
      await this.app.get(DeadlineSweepService).sweep(this.clock.now(), HOUR);
      await this.clients.readMail();
      await this.drainOutbox();
      this.clock.advance(HOUR);
      if (hour % (7 * 24) === 0) console.error(`Simulating week ${hour / (7 * 24) + 1} of ${this.parameters.weeks}…`);
    }
    await this.closeOneJob();
    await this.drainOutbox();
    return `Simulated ${this.parameters.weeks} weeks: ${this.recruiters.length} recruiters (${this.recruiters.map((r) => r.diligence).join(', ')}), ${this.jobIds.length} jobs, ${this.candidates} candidates. Client interviewers who answered through their link: ${this.clients.answered}. Actions the rules refused: ${[...this.refusals].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}.`;
  }

  private async setUp(): Promise<void> {
    const user = (email: string, fullName: string, role: UserRole) =>
      this.dataSource.manager.save(
        this.dataSource.manager.create(UserEntity, { email, fullName, role, passwordHash: '!simulated' }),
      );
    this.staff = await user('staff@simulation.test', 'Sim Staff', UserRole.Staff);
    for (const [index, diligence] of DILIGENCE.entries()) {
      this.recruiters.push({
        user: await user(`recruiter${index}@simulation.test`, `Recruiter ${diligence}`, UserRole.Recruiter),
        diligence,
      });
    }
    const clients = await this.clients.setUp(this.staff);
    for (let index = 0; index < this.parameters.jobs; index++) {
      const job = await this.app.get(JobsService).create(
        {
          clientId: clients[index % clients.length].id,
          title: `Simulated role ${index + 1}`,
          description: 'A role in the simulation.',
          location: 'Leeds',
          workMode: WorkMode.Hybrid,
          employmentType: EmploymentType.FullTime,
          status: JobStatus.Open,
          pipeline: index % 2 === 0 ? ['Phone screen', 'Technical', 'Final'] : ['Phone screen', 'Final'],
          answerWithinWorkingDays: index % 3 === 0 ? 1 : 2,
          ownerId: this.recruiters[index % this.recruiters.length].user.id,
        },
        this.staff,
      );
      this.jobIds.push(job.id);
      this.clientOfJob.set(job.id, clients[index % clients.length].id);
    }
  }

  private async candidatesArrive(): Promise<void> {
    if (!this.random.chance(this.parameters.candidatesPerDay / 24)) return;
    this.candidates++;
    const candidate = await this.dataSource.manager.save(
      this.dataSource.manager.create(UserEntity, {
        email: `candidate${this.candidates}@simulation.test`,
        fullName: `Candidate ${this.candidates}`,
        role: UserRole.Candidate,
        passwordHash: '!simulated',
      }),
    );
    const first = this.random.pick(this.jobIds);
    const jobs = this.random.chance(0.3)
      ? [first, this.random.pick(this.jobIds.filter((id) => id !== first))]
      : [first];
    const notice = await currentPrivacyNotice(this.dataSource.manager);
    for (const jobId of jobs) {
      await this.attempt(() =>
        this.app
          .get(CandidateApplicationsService)
          .apply(jobId, candidate, { privacyNoticeVersion: notice.version, answers: [] }),
      );
    }
  }

  private async recruitersWork(): Promise<void> {
    for (const recruiter of this.recruiters) {
      if (recruiter.diligence === 'never') continue;
      for (const application of await openApplications(this.dataSource, recruiter.user.id)) {
        await this.recruiterActs(recruiter.user, recruiter.diligence, application);
      }
    }
  }

  private async recruiterActs(
    recruiter: UserEntity,
    diligence: Diligence,
    application: OpenApplication,
  ): Promise<void> {
    const now = this.clock.now();
    if (application.status === 'offer') {
      if (await this.offers.recruiterActs(recruiter, application, now)) return;
      // The candidate's yes by phone, on written terms only (ADR 0076).
      if (this.random.chance(0.05) && application.open_offer)
        await this.attempt(() =>
          this.app.get(ApplicationDecisionsService).hire(application.id, application.version, recruiter),
        );
      return;
    }
    if (application.open_request && this.random.chance(diligence === 'prompt' || diligence === 'steady' ? 0.3 : 0.05)) {
      await this.attempt(() =>
        this.app
          .get(CandidateUpdatesService)
          .sendMessage(
            application.id,
            recruiter,
            'Thanks for checking in: the client is still reviewing, and I will write as soon as I hear.',
            application.version,
          ),
      );
      return;
    }
    if (!application.stage_id) return;
    const awaitingFeedback =
      application.ends_at !== null && application.ends_at.getTime() <= now.getTime() && application.decision === null;
    const onHold = application.decision === FeedbackDecision.Hold;
    if (application.stage_state === 'pending' && this.random.chance(0.3)) {
      const startsAt = new Date(now.getTime() + this.random.between(24, 96) * HOUR);
      startsAt.setUTCHours(10 + Math.floor(this.random.between(0, 6)), 0, 0, 0);
      await this.attempt(() =>
        this.app.get(StageFeedbackService).schedule(
          application.id,
          application.stage_id as string,
          {
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
            location: 'Video call',
            interviewers: ['Hiring manager'],
            clientInterviewerIds: this.clients.pickInterviewers(this.clientOfJob.get(application.job_id) as string),
            version: application.version,
          },
          recruiter,
        ),
      );
      return;
    }
    // A slow recruiter who sees the answer date coming moves it, with a reason, while they still may.
    if (
      awaitingFeedback &&
      diligence === 'slow' &&
      application.promise_due_at !== null &&
      application.promise_redatings < REDATINGS_BEFORE_STAFF &&
      application.promise_due_at.getTime() - now.getTime() < 4 * HOUR &&
      application.promise_due_at.getTime() > now.getTime() &&
      this.random.chance(0.5)
    ) {
      await this.attempt(() =>
        this.app.get(PromiseRedatingService).redate(
          application.id,
          {
            dueAt: endOfWorkingDaysAfter(now, 2, this.calendar),
            candidateMessage: 'The hiring manager needs two more days to compare notes with the panel.',
            version: application.version,
          },
          recruiter,
        ),
      );
      return;
    }
    // A client's draft to publish, or a client still to be heard from (issue 13).
    if (
      awaitingFeedback &&
      (await this.clients.recruiterActs(recruiter, application, FEEDBACK_CHANCE_PER_HOUR[diligence]))
    ) {
      return;
    }
    if (awaitingFeedback || onHold) {
      const allowed =
        diligence === 'waits-for-reminder'
          ? application.reminded
          : diligence === 'waits-for-escalation'
            ? application.escalated
            : true;
      if (!allowed || !this.random.chance(onHold ? 0.1 : FEEDBACK_CHANCE_PER_HOUR[diligence])) return;
      const roll = this.random.next();
      const decision =
        roll < 0.55 ? FeedbackDecision.Advance : roll < 0.9 ? FeedbackDecision.Reject : FeedbackDecision.Hold;
      const held = decision === FeedbackDecision.Hold && !onHold;
      await this.attempt(() =>
        this.app.get(StageFeedbackService).recordFeedback(
          application.id,
          application.stage_id as string,
          {
            decision: onHold && decision === FeedbackDecision.Hold ? FeedbackDecision.Advance : decision,
            rating: decision === FeedbackDecision.Reject ? 2 : 3,
            // A hold says when the candidate hears again: a few working days on.
            ...(held
              ? {
                  holdUntil: endOfWorkingDaysAfter(
                    now,
                    2 + Math.floor(this.random.between(0, 4)),
                    this.calendar,
                  ).toISOString(),
                }
              : {}),
            candidateMessage:
              decision === FeedbackDecision.Reject
                ? 'Thank you: the team chose a candidate with more direct experience.'
                : 'Thank you: the team enjoyed meeting you.',
            version: application.version,
          },
          recruiter,
        ),
      );
    }
  }

  /**
   * Staff act on an escalation within a working day: the stuck application goes to the most
   * diligent recruiter, in one step. Escalated: a stage's feedback escalated and still missing, or a
   * promise whose date the rules had to set twice in a row (staff were told).
   */
  private async staffActOnEscalations(): Promise<void> {
    const now = this.clock.now();
    const taker = this.recruiters[0].user;
    const stuck = await escalatedApplications(this.dataSource, taker.id);
    for (const application of stuck) {
      if (!application.escalated_at) continue;
      // Staff read escalations a few hours after they arrive, never more than a working day.
      const waited = (now.getTime() - new Date(application.escalated_at).getTime()) / HOUR;
      if (waited < 2) continue;
      await this.attempt(() =>
        this.app.get(ReassignmentService).reassign(this.staff, {
          scope: 'application',
          applicationId: application.id,
          version: application.version,
          toUserId: taker.id,
        }),
      );
    }
  }

  private async candidatesSpeakUp(): Promise<void> {
    const now = this.clock.now();
    for (const application of await openApplications(this.dataSource, null)) {
      const candidate = { id: application.candidate_id, role: UserRole.Candidate, fullName: 'Candidate' } as UserEntity;
      if (await this.offers.candidateActs(application)) continue;
      const silentDays = (now.getTime() - application.last_heard_at.getTime()) / (24 * HOUR);
      if (silentDays > 3 && this.random.chance(0.02)) {
        await this.attempt(() =>
          this.app.get(CandidateUpdatesService).post(application.id, candidate, {
            kind: CandidateUpdateKind.RequestUpdate,
            text: 'Is there any news?',
            version: application.version,
          }),
        );
      } else if (!application.other_offer_deadline && this.random.chance(0.002)) {
        const deadline = new Date(now.getTime() + this.random.between(3, 7) * 24 * HOUR).toISOString();
        await this.attempt(() =>
          this.app.get(CandidateUpdatesService).post(application.id, candidate, {
            kind: CandidateUpdateKind.OtherOffer,
            text: 'I have another offer.',
            deadline,
            version: application.version,
          }),
        );
      } else if (
        application.other_offer_deadline &&
        application.other_offer_deadline.getTime() < now.getTime() &&
        this.random.chance(0.02)
      ) {
        await this.attempt(() =>
          this.app
            .get(CandidateApplicationsService)
            .withdraw(application.id, candidate, 'I accepted another offer.', application.version),
        );
      }
    }
  }

  /** Refused while an interview on the job awaits feedback (Rule 1): a refusal the simulation counts. */
  private async closeOneJob(): Promise<void> {
    const closures = this.app.get(JobClosuresService);
    await this.attempt(async () => {
      const closure = await closures.start(
        this.jobIds[this.jobIds.length - 1],
        { outcome: JobStatus.Filled, candidateMessage: 'The client has filled this role. Thank you for applying.' },
        this.staff,
      );
      await closures.process(closure.id);
    });
  }

  private async drainOutbox(): Promise<void> {
    const dispatcher = this.app.get(NotificationDispatcher);
    while ((await dispatcher.dispatchDue(500)).claimed > 0) {
      // keep sending until the outbox is empty
    }
  }

  private async attempt(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      // A refusal by the rules, in the domain or by a database guard, is part of the simulation; anything else is a bug.
      const refusal = error instanceof DomainError ? error : translatePostgresError(error);
      if (!refusal) throw error;
      this.refusals.set(refusal.code, (this.refusals.get(refusal.code) ?? 0) + 1);
    }
  }
}
