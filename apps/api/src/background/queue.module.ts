import { Global, Module } from '@nestjs/common';
import { ClockCheck } from './clock-check';
import { Heartbeats } from './heartbeats';
import { JobQueue } from './job-queue';

@Global()
@Module({ providers: [JobQueue, Heartbeats, ClockCheck], exports: [JobQueue, Heartbeats, ClockCheck] })
export class QueueModule {}
