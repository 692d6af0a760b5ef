import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountPurgeSchedule } from './account-purge.schedule';
import { AccountTokensService } from './account-tokens.service';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

/** The periodic purge of ended sessions and spent tokens, run by the API or the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity])],
  providers: [SessionService, AccountTokensService, AccountPurgeSchedule],
})
export class AccountPurgeModule {}
