import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CandidateUpdatesModule } from '../candidate-updates/candidate-updates.module';
import { ClientsModule } from '../clients/clients.module';
import { ClientReviewModule } from '../client-review/client-review.module';
import { BackgroundModule } from '../background/background.module';
import { Clock } from '@heardback/domain';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { apiDataSourceOptions } from '../database/api-data-source';
import { DemoModule } from '../demo/demo.module';
import { DocumentsModule } from '../documents/documents.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { AboutModule } from '../about/about.module';
import { HealthModule } from '../health/health.module';
import { JobsModule } from '../jobs/jobs.module';
import { MetricsModule } from '../metrics/metrics.module';
import { MyDataModule } from '../my-data/my-data.module';
import { OffersModule } from '../offers/offers.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ReassignmentsModule } from '../reassignments/reassignments.module';
import { ResilienceModule } from '../resilience/resilience.module';
import { SatisfactionModule } from '../satisfaction/satisfaction.module';
import { ScoreModule } from '../score/score.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersModule } from '../users/users.module';

@Module({})
export class AppModule {
  /** The configuration is validated before the module is built, and passed in. */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        TypeOrmModule.forRoot(apiDataSourceOptions(config)),
        ResilienceModule,
        MetricsModule,
        ThrottlingModule,
        UsersModule,
        AuthModule,
        ClientsModule,
        JobsModule,
        ApplicationsModule,
        CandidateUpdatesModule,
        FeedbackModule,
        HealthModule,
        AboutModule,
        DemoModule,
        BackgroundModule,
        AuditModule,
        ReassignmentsModule,
        DocumentsModule,
        MyDataModule,
        OffersModule,
        PrivacyModule,
        ClientReviewModule,
        SatisfactionModule,
        ScoreModule,
      ],
    };
  }
}
