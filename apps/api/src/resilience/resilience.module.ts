import { Global, Module } from '@nestjs/common';
import { DatabaseOutage } from './database-outage';
import { RequestGate } from './request-gate';

/** What keeps this instance answering honestly under faults: the request gate and the outage log. */
@Global()
@Module({ providers: [RequestGate, DatabaseOutage], exports: [RequestGate, DatabaseOutage] })
export class ResilienceModule {}
