import { Module } from '@nestjs/common';
import { KeptCountsFold } from './kept-counts-fold';

/** The folding of the kept counts behind the feedback queue's and "who is waiting"'s totals, run by the API or the worker. */
@Module({ providers: [KeptCountsFold] })
export class KeptCountsFoldModule {}
