import { Module } from '@nestjs/common';
import { ScoreController, ScoreCsvController } from './score.controller';
import { ScoreService } from './score.service';
import { ScoreCalendarSync } from './score-calendar';

@Module({
  controllers: [ScoreController, ScoreCsvController],
  providers: [ScoreService, ScoreCalendarSync],
})
export class ScoreModule {}
