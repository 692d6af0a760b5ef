import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountPurgeSchedule } from './account-purge.schedule';
import { AccountTokensService } from './account-tokens.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { ThrottlingModule } from '../throttling/throttling.module';

/** The periodic purge of ended sessions, spent tokens and old rate-limit counters, run by the API or the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), ThrottlingModule],
  providers: [SessionService, AccountTokensService, AccountPurgeSchedule],
})
export class AccountPurgeModule {}
