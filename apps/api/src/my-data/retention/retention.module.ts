import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { ErasureModule } from '../erasure.module';
import { DataRetentionController } from './data-retention.controller';
import { RetentionSettingsService } from './retention-settings.service';
import { RetentionSweepSchedule } from './retention-sweep.schedule';
import { RetentionSweepService } from './retention-sweep.service';

/** The agency's retention period and the hourly sweep that applies it (ADR 0019). */
@Module({
  imports: [ErasureModule, NotificationsModule],
  controllers: [DataRetentionController],
  providers: [RetentionSettingsService, RetentionSweepService, RetentionSweepSchedule],
})
export class RetentionModule {}
