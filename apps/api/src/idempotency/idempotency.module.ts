import { Module } from '@nestjs/common';
import { IdempotentCommands } from './idempotent-commands';

@Module({ providers: [IdempotentCommands], exports: [IdempotentCommands] })
export class IdempotencyModule {}
