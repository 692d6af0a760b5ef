import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AttentionListService } from './attention-list.service';
import { CandidateUpdatesController } from './candidate-updates.controller';
import { CandidateUpdatesService } from './candidate-updates.service';

@Module({
  imports: [TimelineModule, ApplicationsModule],
  controllers: [CandidateUpdatesController],
  providers: [CandidateUpdatesService, AttentionListService],
})
export class CandidateUpdatesModule {}
