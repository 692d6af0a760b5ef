import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MetricsService } from './metrics.service';

@Module({ imports: [NotificationsModule], providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
