import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountPurgeSchedule } from './account-purge.schedule';
import { AccountTokensService } from './account-tokens.service';
import { RegistrationsService } from './registrations.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { ThrottlingModule } from '../throttling/throttling.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';

/** The periodic purge of ended sessions, spent tokens, unfinished registrations, old rate-limit counters and idempotency keys, run by the API or the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), ThrottlingModule, IdempotencyModule],
  providers: [SessionService, AccountTokensService, RegistrationsService, AccountPurgeSchedule],
})
export class AccountPurgeModule {}
