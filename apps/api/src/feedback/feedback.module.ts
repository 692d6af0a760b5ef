import { Module } from '@nestjs/common';
import { FeedbackController } from './feedback.controller';
import { FeedbackQueueService } from './feedback-queue.service';

@Module({ controllers: [FeedbackController], providers: [FeedbackQueueService] })
export class FeedbackModule {}
