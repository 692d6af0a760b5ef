import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ApplicationsModule } from '../applications/applications.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AttentionListService } from './attention-list.service';
import { CandidateUpdatesController } from './candidate-updates.controller';
import { CandidateUpdatesService } from './candidate-updates.service';

@Module({
  imports: [TimelineModule, ApplicationsModule, AuditModule, IdempotencyModule],
  controllers: [CandidateUpdatesController],
  providers: [CandidateUpdatesService, AttentionListService],
})
export class CandidateUpdatesModule {}
