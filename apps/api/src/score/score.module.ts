import { Module } from '@nestjs/common';
import { ScoreController, ScoreCsvController } from './score.controller';
import { ScoreService } from './score.service';

@Module({
  controllers: [ScoreController, ScoreCsvController],
  providers: [ScoreService],
})
export class ScoreModule {}
