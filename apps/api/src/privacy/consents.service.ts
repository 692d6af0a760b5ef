import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConsentsView } from '@heardback/contracts';
import { OPEN_STATUSES } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { ConsentKind } from './consent-kind';
import { giveTalentPoolConsent, withdrawTalentPoolConsent } from './consent-records';
import { assertCurrentPrivacyNotice } from './privacy-notices';

/** A candidate's standing consents, and the one they give or withdraw themselves: the talent pool. */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async view(candidateId: string): Promise<ConsentsView> {
    const manager = this.dataSource.manager;
    const talentPool: { notice_version: number; given_at: Date }[] = await manager.query(
      `SELECT notice_version, given_at FROM consents
        WHERE candidate_id = $1 AND kind = $2 AND withdrawn_at IS NULL`,
      [candidateId, ConsentKind.TalentPool],
    );
    const open: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM consents c JOIN applications a ON a.id = c.application_id
        WHERE c.candidate_id = $1 AND c.kind = $2 AND c.withdrawn_at IS NULL AND a.status = ANY($3)`,
      [candidateId, ConsentKind.Application, OPEN_STATUSES],
    );
    const standing = talentPool[0];
    return {
      talentPool: standing
        ? { noticeVersion: standing.notice_version, givenAt: standing.given_at.toISOString() }
        : null,
      openApplications: open[0]?.count ?? 0,
    };
  }

  async giveTalentPool(candidateId: string, noticeVersion: number): Promise<ConsentsView> {
    await this.dataSource.transaction(async (manager) => {
      await assertCurrentPrivacyNotice(manager, noticeVersion);
      await giveTalentPoolConsent(manager, { candidateId, noticeVersion, at: this.clock.now() });
    });
    return this.view(candidateId);
  }

  async withdrawTalentPool(candidateId: string): Promise<ConsentsView> {
    await withdrawTalentPoolConsent(this.dataSource.manager, candidateId, this.clock.now());
    return this.view(candidateId);
  }
}
