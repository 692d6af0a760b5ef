import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus, FeedbackDecision, PayPeriod, TimelineEventType } from '@heardback/contracts';
import { DataSource } from 'typeorm';
import { ApplicationDecisionsService } from '../applications/application-decisions.service';
import { ApplicationEntity } from '../applications/application.entity';
import { CandidateApplicationsService } from '../applications/candidate-applications.service';
import { StageFeedbackService } from '../applications/stage-feedback.service';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { currentPrivacyNotice } from '../privacy/privacy-notices';
import { DEMO_JOBS } from './demo-catalogue';
import { CLIENT_DRAFTS, DemoClientLoop, DemoClientWords } from './demo-client-loop';
import { DemoAgency } from './demo-agency';
import { demoInterviewStart, demoWorkingMoment, mondayAfter } from './demo-calendar';
import { DemoHistory, HISTORY_SWEPT_MS } from './demo-history';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Demo data for a first look: a few clients with their people, thirty open jobs, applications in
 * every state, and the client's part (interviewers picked from the contacts, two client drafts
 * awaiting the recruiter, one published), made through the same services the API uses, so every
 * rule and timeline event is real.
 */
@Injectable()
export class DemoDataLoader {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly candidateApplications: CandidateApplicationsService,
    private readonly stages: StageFeedbackService,
    private readonly decisions: ApplicationDecisionsService,
    private readonly timeline: TimelineService,
    private readonly clientLoop: DemoClientLoop,
    private readonly agency: DemoAgency,
    private readonly history: DemoHistory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Loads only into a database with no users, so a restart never duplicates or overwrites anything. */
  async loadIntoEmptyDatabase(): Promise<boolean> {
    // Several instances may start on one empty database at once: one loads, the others then find data.
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtext('heardback:demo-data'))`);
      return await this.loadUnlessData();
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(hashtext('heardback:demo-data'))`).catch(() => undefined);
      await lock.release();
    }
  }

  private async loadUnlessData(): Promise<boolean> {
    if ((await this.dataSource.manager.count(UserEntity)) > 0) {
      this.logger.log('Database already has data; demo data not loaded');
      return false;
    }
    const started = Date.now();
    // The agency set up its people, clients and jobs a month ago; the applications' stories follow.
    const monthAgo = new Date(this.history.now() - 30 * DAY);
    const { recruiter, candidate, others, jobIds, contactIds } = await this.history.when(monthAgo, () =>
      this.agency.setUp(),
    );

    // A job's client contacts, to pick its interviewers from: the first `count` of them.
    const contactsFor = (jobIndex: number, count = 1) => contactIds[DEMO_JOBS[jobIndex].client].slice(0, count);
    const historyFrom = this.history.now() - HISTORY_SWEPT_MS;
    await this.applicationsInEveryState(candidate, others, recruiter, jobIds, contactsFor);
    await this.history.sweepThrough(historyFrom);
    this.logger.log(`Demo data loaded in ${Date.now() - started} ms`);
    return true;
  }

  /**
   * Each application's story, dated as it would have happened: applied days before its interview
   * was booked, booked days before it took place, feedback written within hours of it. `…HoursAgo`
   * counts back from the moment of loading; an interview's `startHours` is from then too (negative:
   * it took place).
   */
  private async applicationsInEveryState(
    candidate: UserEntity,
    others: UserEntity[],
    recruiter: UserEntity,
    jobIds: string[],
    contactsFor: (jobIndex: number, count?: number) => string[],
  ): Promise<void> {
    const now = this.history.now();
    const hoursAgo = (hours: number) => new Date(now - hours * HOUR);
    // Candidates apply at any minute of the day, not all at the minute the demo was loaded.
    const apply = (jobIndex: number, who: UserEntity, appliedHoursAgo: number) =>
      this.history.when(new Date(hoursAgo(appliedHoursAgo).getTime() - ((jobIndex * 17) % 53) * MINUTE), () =>
        this.applyAs(who, jobIds[jobIndex]),
      );
    // Booked as an agency would: in working hours on a working day, about `startHours` from now.
    const slot = (startHours: number) =>
      demoInterviewStart(
        new Date(now + startHours * HOUR),
        startHours < 0 ? 'past' : 'future',
        1 + (Math.abs(startHours) % 5),
        this.config.calendar,
      );
    /** `hours` after the interview at about `startHours` ended. */
    const afterInterview = (startHours: number, hours: number) =>
      new Date(slot(startHours).getTime() + (1 + hours) * HOUR);
    // The client's interviewers write their feedback through their link; the recruiter publishes it.
    const clientAnswers = (id: string, stageIndex: number, contactId: string, words: DemoClientWords, at: Date) =>
      this.history.when(at, () =>
        this.withStage(id, stageIndex, (stageId) => this.clientLoop.clientAnswers(id, stageId, contactId, words)),
      );
    /** `clientInterviewerIds`: contacts of the job's client who interview too (their links follow the interview). */
    const schedule = async (
      id: string,
      stageIndex: number,
      startHours: number,
      bookedAt: Date,
      clientInterviewerIds: string[] = [],
    ) =>
      this.history.when(
        demoWorkingMoment(
          bookedAt,
          await this.lastEventOf(id),
          new Date(Math.min(now, slot(startHours).getTime() - HOUR)),
          this.config.calendar,
        ),
        () =>
          this.withStage(id, stageIndex, async (stageId) =>
            this.stages.schedule(
              id,
              stageId,
              {
                startsAt: slot(startHours).toISOString(),
                endsAt: new Date(slot(startHours).getTime() + HOUR).toISOString(),
                location: 'Video call',
                interviewers:
                  clientInterviewerIds.length > 0 ? ['Riley Recruiter'] : ['Riley Recruiter', 'Hiring manager'],
                clientInterviewerIds,
                version: await this.versionOf(id),
              },
              recruiter,
            ),
          ),
      );
    /** Feedback on the interview at about `startHours`, written `hoursLater` after it ended. */
    const feedback = (
      id: string,
      stageIndex: number,
      startHours: number,
      hoursLater: number,
      decision: FeedbackDecision,
      candidateMessage: string,
      internalNotes: string,
    ) =>
      this.history.when(afterInterview(startHours, hoursLater), () =>
        this.withStage(id, stageIndex, async (stageId) =>
          this.stages.recordFeedback(
            id,
            stageId,
            {
              decision,
              rating: decision === FeedbackDecision.Reject ? 2 : 3,
              candidateMessage,
              internalNotes,
              // A hold says when the candidate hears again: ten days on, mid-month as the notes say.
              ...(decision === FeedbackDecision.Hold ? { holdUntil: new Date(now + 10 * DAY).toISOString() } : {}),
              version: await this.versionOf(id),
            },
            recruiter,
          ),
        ),
      );

    // The demo candidate: one application in each open state, and a few closed ones.
    await apply(0, candidate, 20); // applied yesterday: waiting to be screened

    const screening = await apply(7, candidate, 4 * 24);
    await schedule(screening, 0, 50, hoursAgo(2 * 24), contactsFor(7)); // screening: booked for the day after tomorrow, with the client

    const awaiting = await apply(13, candidate, 16 * 24);
    // Interview done ten days ago with the client's interviewer: feedback overdue, the client chased, escalated.
    await schedule(awaiting, 0, -240, hoursAgo(14 * 24), contactsFor(13));

    // The client's interviewer wrote this feedback through their link, and the recruiter published it.
    const interviewing = await apply(20, candidate, 8 * 24);
    await schedule(interviewing, 0, -30, hoursAgo(6 * 24), contactsFor(20));
    const published = await clientAnswers(
      interviewing,
      0,
      contactsFor(20)[0],
      {
        decision: FeedbackDecision.Advance,
        rating: 3,
        candidateMessage:
          'You explained your product decisions clearly and the team enjoyed the conversation. We would like you to meet the engineering lead next.',
        internalNotes: 'Strong on discovery, lighter on metrics.',
      },
      afterInterview(-30, 2),
    );
    await this.history.when(afterInterview(-30, 4), async () =>
      this.clientLoop.publish(interviewing, published, await this.versionOf(interviewing), recruiter),
    );
    await schedule(interviewing, 1, 26, afterInterview(-30, 5), contactsFor(20, 2));

    const offered = await apply(5, candidate, 14 * 24);
    await schedule(offered, 0, -100, hoursAgo(12 * 24));
    await feedback(
      offered,
      0,
      -100,
      3,
      FeedbackDecision.Advance,
      'Lovely conversation: your ward experience is exactly what the team needs.',
      'Ward manager keen.',
    );
    await schedule(offered, 1, -50, afterInterview(-100, 4));
    await feedback(
      offered,
      1,
      -50,
      2,
      FeedbackDecision.Advance,
      'The panel was unanimous. Expect an offer from Bluefin Health.',
      'Offer at top of band.',
    );
    // The offer's terms, for the demo candidate to read and answer (ADR 0020).
    await this.history.when(afterInterview(-50, 4), async () =>
      this.decisions.offer(
        offered,
        {
          version: await this.versionOf(offered),
          pay: { amount: 41_500, currency: 'GBP', period: PayPeriod.Year },
          startDate: mondayAfter(new Date(now + 35 * DAY)),
          message:
            'The whole panel would love you to join the ward team. Take your time to read this, and call me with any question.',
        },
        recruiter,
      ),
    );

    const held = await apply(4, candidate, 10 * 24);
    await schedule(held, 0, -60, hoursAgo(8 * 24));
    await feedback(
      held,
      0,
      -60,
      3,
      FeedbackDecision.Hold,
      'Thank you for a good conversation. The client has paused this hire while they confirm next year’s budget; we will tell you how it continues as soon as they decide.',
      'Budget sign-off expected mid-month.',
    ); // on hold: a wait, not a pass

    const rejected = await apply(14, candidate, 12 * 24);
    await schedule(rejected, 0, -120, hoursAgo(10 * 24));
    await feedback(
      rejected,
      0,
      -120,
      2,
      FeedbackDecision.Reject,
      'Thank you for your time. The team is looking for several years of intraday trading experience, which we did not hear in the call. We would be glad to consider you for analyst roles.',
      'No trading desk experience.',
    );

    const withdrawn = await apply(24, candidate, 8 * 24);
    await this.history.when(hoursAgo(6 * 24), async () =>
      this.candidateApplications.withdraw(
        withdrawn,
        candidate,
        'I accepted another offer closer to home.',
        await this.versionOf(withdrawn),
      ),
    );

    // Other candidates, so the recruiter's queue and board are not empty.
    // Those whose interview is over had the client's interviewer too: two of them answered, and their
    // drafts wait for the recruiter to publish; the client is chased for the rest.
    for (const [index, other] of others.entries()) {
      const jobIndex = index % 2 === 0 ? 0 : 13;
      const interviewHours = index % 3 === 0 ? -(24 + index * 20) : 24 + index * 5;
      // Interviews booked five days before they took place, or in the last few days for those to come;
      // applied a day or three before the booking. Those not booked applied in the last few days.
      const bookedHoursAgo = index % 3 === 0 ? -interviewHours + 5 * 24 : ((index % 4) + 1) * 24;
      const appliedHoursAgo = index % 3 === 2 ? 24 + index * 6 : bookedHoursAgo + 24 + (index % 3) * 24;
      const id = await apply(jobIndex, other, appliedHoursAgo);
      if (index % 3 === 0) {
        await schedule(id, 0, interviewHours, hoursAgo(bookedHoursAgo), contactsFor(jobIndex)); // feedback due or overdue
        const words = CLIENT_DRAFTS[index / 3];
        if (words) await clientAnswers(id, 0, contactsFor(jobIndex)[0], words, afterInterview(interviewHours, 3));
      } else if (index % 3 === 1) {
        await schedule(id, 0, interviewHours, hoursAgo(bookedHoursAgo));
      }
    }
    const hired = await apply(9, others[0], 18 * 24);
    await schedule(hired, 0, -200, hoursAgo(16 * 24));
    await feedback(
      hired,
      0,
      -200,
      2,
      FeedbackDecision.Advance,
      'A confident, warm interview. Next: meet the chief pharmacist.',
      'Good fit.',
    );
    await schedule(hired, 1, -150, afterInterview(-200, 3));
    await feedback(
      hired,
      1,
      -150,
      2,
      FeedbackDecision.Advance,
      'Congratulations, the team would love you to join.',
      'A strong yes from the whole panel: write the offer.',
    );
    // The candidate says yes by phone to written terms, and the recruiter records it (ADR 0076).
    await this.history.when(afterInterview(-150, 4), async () =>
      this.decisions.offer(
        hired,
        {
          version: await this.versionOf(hired),
          pay: { amount: 38_000, currency: 'GBP', period: PayPeriod.Year },
          startDate: mondayAfter(new Date(now + 14 * DAY)),
          message: 'Everyone you met would love you to join. Call me when you have read this.',
        },
        recruiter,
      ),
    );
    await this.history.when(afterInterview(-150, 26), async () =>
      this.decisions.hire(hired, await this.versionOf(hired), recruiter),
    );

    const closed = await apply(29, others[1], 3 * 24);
    await this.history.when(hoursAgo(24), () => this.closeJob(closed, jobIds[29], recruiter));
  }

  /** Applies as a candidate who read the current privacy notice, to a job that asks no questions. */
  private async applyAs(candidate: UserEntity, jobId: string): Promise<string> {
    const notice = await currentPrivacyNotice(this.dataSource.manager);
    return this.candidateApplications.apply(jobId, candidate, { privacyNoticeVersion: notice.version, answers: [] });
  }

  /** Closing jobs arrives with the deadline engine; until then the demo records one closed job directly. */
  private async closeJob(id: string, jobId: string, recruiter: UserEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        ApplicationEntity,
        { id },
        {
          status: ApplicationStatus.JobClosed,
          version: 2,
          rejectionMessage: 'Kestrel Energy has filled this role internally.',
        },
      );
      await manager.query(`UPDATE jobs SET status = 'filled' WHERE id = $1`, [jobId]);
      await this.timeline.append(manager, {
        applicationId: id,
        type: TimelineEventType.Rejected,
        text: 'Kestrel Energy has filled this role internally, so the application is closed. Thank you for applying; we will let you know about similar roles.',
        candidateVisible: true,
        actorId: recruiter.id,
      });
    });
  }

  private async withStage<T>(
    applicationId: string,
    stageIndex: number,
    action: (stageId: string) => Promise<T>,
  ): Promise<T> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM application_stages WHERE application_id = $1 AND position = $2',
      [applicationId, stageIndex],
    );
    return action(rows[0].id);
  }

  /** When the application's story last moved: a booking may not be dated before it. */
  private async lastEventOf(applicationId: string): Promise<Date> {
    const rows: { at: Date }[] = await this.dataSource.query(
      'SELECT max(at) AS at FROM timeline_events WHERE application_id = $1',
      [applicationId],
    );
    return rows[0].at;
  }

  private async versionOf(applicationId: string): Promise<number> {
    return (await this.dataSource.manager.findOneByOrFail(ApplicationEntity, { id: applicationId })).version;
  }
}
