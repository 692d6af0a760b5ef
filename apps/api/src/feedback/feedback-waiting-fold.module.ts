import { Module } from '@nestjs/common';
import { FeedbackWaitingFold } from './feedback-waiting-fold';

/** The folding of the feedback queue's counts, run by the API or the worker. */
@Module({ providers: [FeedbackWaitingFold] })
export class FeedbackWaitingFoldModule {}
