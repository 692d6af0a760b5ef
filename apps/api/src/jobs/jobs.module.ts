import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';
import { AgencyJobsController } from './agency-jobs.controller';
import { AgencyJobsService } from './agency-jobs.service';
import { JobSearchService } from './job-search.service';
import { JobEntity } from './job.entity';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({
  imports: [TypeOrmModule.forFeature([JobEntity, ClientEntity, UserEntity]), AuditModule],
  controllers: [JobsController, AgencyJobsController],
  providers: [JobsService, JobSearchService, AgencyJobsService],
  exports: [JobsService],
})
export class JobsModule {}
