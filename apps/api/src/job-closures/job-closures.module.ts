import { Module } from '@nestjs/common';
import { TimelineModule } from '../timeline/timeline.module';
import { JobClosureQueue } from './job-closure-queue';
import { JobClosuresController } from './job-closures.controller';
import { JobClosuresService } from './job-closures.service';

@Module({
  imports: [TimelineModule],
  controllers: [JobClosuresController],
  providers: [JobClosuresService, JobClosureQueue],
})
export class JobClosuresModule {}
