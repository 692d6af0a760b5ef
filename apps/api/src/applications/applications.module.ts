import { Module } from '@nestjs/common';
import { TimelineModule } from '../timeline/timeline.module';
import { ApplicationDecisionsService } from './application-decisions.service';
import { ApplicationViewsService } from './application-views.service';
import { ApplicationsController } from './applications.controller';
import { CandidateApplicationsService } from './candidate-applications.service';
import { StageFeedbackService } from './stage-feedback.service';

@Module({
  imports: [TimelineModule],
  controllers: [ApplicationsController],
  providers: [ApplicationViewsService, CandidateApplicationsService, StageFeedbackService, ApplicationDecisionsService],
  exports: [CandidateApplicationsService, StageFeedbackService, ApplicationDecisionsService],
})
export class ApplicationsModule {}
