import { Module } from '@nestjs/common';
import { PromiseKeeper } from './promise-keeper';

@Module({ providers: [PromiseKeeper], exports: [PromiseKeeper] })
export class PromisesModule {}
