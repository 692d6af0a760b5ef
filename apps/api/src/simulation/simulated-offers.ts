import { INestApplicationContext } from '@nestjs/common';
import { PayPeriod, UserRole } from '@heardback/contracts';
import { ApplicationDecisionsService } from '../applications/application-decisions.service';
import { OfferAnswersService } from '../offers/offer-answers.service';
import { UserEntity } from '../users/user.entity';
import { SeededRandom } from './simulated-clock';
import { OpenApplication } from './simulation-queries';

const DAY = 24 * 3_600_000;

/**
 * How simulated people handle offers (ADR 0020): a recruiter writes the terms of an offer the last
 * stage announced; a candidate with an open offer answers it within a few days, accepting most and
 * declining some, while about one in eight never answers, so its reply-by date lapses and is followed up.
 */
export class SimulatedOffers {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly random: SeededRandom,
    private readonly attempt: (action: () => Promise<unknown>) => Promise<void>,
  ) {}

  /** The recruiter's turn on an application at Offer; true when they acted. */
  async recruiterActs(recruiter: UserEntity, application: OpenApplication, now: Date): Promise<boolean> {
    if (application.open_offer || !this.random.chance(0.3)) return false;
    await this.attempt(() =>
      this.app.get(ApplicationDecisionsService).offer(
        application.id,
        {
          version: application.version,
          pay: { amount: Math.round(this.random.between(35, 90)) * 1000, currency: 'EUR', period: PayPeriod.Year },
          startDate: new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10),
          message: 'The client would love you to join. Call me with any question.',
        },
        recruiter,
      ),
    );
    return true;
  }

  /** The candidate's turn on an open offer: some never answer; the rest answer on some day, mostly yes. True when they did. */
  async candidateActs(application: OpenApplication): Promise<boolean> {
    if (!application.open_offer || neverAnswers(application.id) || !this.random.chance(0.02)) return false;
    const candidate = { id: application.candidate_id, role: UserRole.Candidate, fullName: 'Candidate' } as UserEntity;
    const answers = this.app.get(OfferAnswersService);
    await this.attempt(() =>
      this.random.chance(0.8)
        ? answers.accept(application.id, application.version, candidate)
        : answers.decline(application.id, application.version, candidate, 'I have decided to stay where I am.'),
    );
    return true;
  }
}

/** A stable one in eight, by the application's id, so a rerun with the same seed behaves the same. */
function neverAnswers(applicationId: string): boolean {
  return parseInt(applicationId.slice(-2), 16) % 8 === 0;
}
