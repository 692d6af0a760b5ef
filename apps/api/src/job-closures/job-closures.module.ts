import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TimelineModule } from '../timeline/timeline.module';
import { JobClosureQueue } from './job-closure-queue';
import { JobClosuresController } from './job-closures.controller';
import { JobClosuresService } from './job-closures.service';

@Module({
  imports: [TimelineModule, AuditModule],
  controllers: [JobClosuresController],
  providers: [JobClosuresService, JobClosureQueue],
})
export class JobClosuresModule {}
