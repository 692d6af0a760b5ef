import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';

export class ClockSkewError extends Error {
  constructor(readonly skewMs: number) {
    super(
      `This instance's clock is ${Math.round(skewMs / 1000)} s ${skewMs > 0 ? 'ahead of' : 'behind'} the database's: ` +
        'deadline work will not run here until the clock is right (check NTP). Other instances take it.',
    );
    this.name = 'ClockSkewError';
  }
}

/**
 * One clock for deadlines (issue 11, item 9): the sweep decides with this instance's clock, and the
 * database's guards with `now()`. An instance whose clock is off would fire deadlines early or late,
 * so it refuses to sweep; the job fails, is logged, and another instance runs it.
 */
@Injectable()
export class ClockCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertInStep(): Promise<void> {
    const before = Date.now();
    const [{ now }] = (await this.dataSource.query(`SELECT now() AS now`)) as Array<{ now: Date }>;
    // Half the round trip is the best guess of when the database read its clock.
    const roundTrip = Date.now() - before;
    const skewMs = this.clock.now().getTime() - roundTrip / 2 - now.getTime();
    if (Math.abs(skewMs) > this.config.resilience.maxClockSkewMs) throw new ClockSkewError(skewMs);
  }
}
