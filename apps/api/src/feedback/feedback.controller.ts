import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FeedbackQueueItem, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { FeedbackQueueService } from './feedback-queue.service';

@ApiTags('feedback')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly queue: FeedbackQueueService) {}

  @Get('queue')
  list(): Promise<FeedbackQueueItem[]> {
    return this.queue.list();
  }
}
