import { Global, Module } from '@nestjs/common';
import { RateLimitGuard } from './rate-limited.guard';
import { RateLimitStore } from './rate-limit-store';

/** The rate-limit counters in PostgreSQL, for the sign-in lockout, the @RateLimited routes and the purge. */
@Global()
@Module({ providers: [RateLimitStore, RateLimitGuard], exports: [RateLimitStore, RateLimitGuard] })
export class ThrottlingModule {}
