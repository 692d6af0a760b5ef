import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FindingModule } from '../finding/finding.module';
import { JobsModule } from '../jobs/jobs.module';
import { PromisesModule } from '../promises/promises.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AgencyApplicationListsService } from './agency-application-lists.service';
import { AgencyApplicationsController } from './agency-applications.controller';
import { ApplicationDecisionsService } from './application-decisions.service';
import { ApplicationTimelineService } from './application-timeline.service';
import { ApplicationViewsService } from './application-views.service';
import { ApplicationsController } from './applications.controller';
import { CandidateApplicationListService } from './candidate-application-list.service';
import { CandidateApplicationsService } from './candidate-applications.service';
import { PromiseRedatingService } from './promise-redating.service';
import { StageFeedbackService } from './stage-feedback.service';

@Module({
  imports: [TimelineModule, JobsModule, AuditModule, PromisesModule, FindingModule],
  controllers: [ApplicationsController, AgencyApplicationsController],
  providers: [
    AgencyApplicationListsService,
    ApplicationViewsService,
    ApplicationTimelineService,
    CandidateApplicationsService,
    CandidateApplicationListService,
    StageFeedbackService,
    ApplicationDecisionsService,
    PromiseRedatingService,
  ],
  exports: [CandidateApplicationsService, StageFeedbackService, ApplicationDecisionsService, ApplicationViewsService],
})
export class ApplicationsModule {}
