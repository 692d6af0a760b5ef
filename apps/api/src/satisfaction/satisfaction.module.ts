import { Module } from '@nestjs/common';
import { SatisfactionAnswersService } from './satisfaction-answers.service';
import { SatisfactionController } from './satisfaction.controller';
import { SatisfactionWordsService } from './satisfaction-words.service';

/**
 * Issue 13, item 5: candidate satisfaction. The closing email's invitation is written by the
 * mailers themselves (satisfaction-invitations.ts), in the transaction that closes the application.
 */
@Module({
  controllers: [SatisfactionController],
  providers: [SatisfactionAnswersService, SatisfactionWordsService],
})
export class SatisfactionModule {}
