import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FeedbackQueueItem, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { UserEntity } from '../users/user.entity';
import { FeedbackQueueQueryDto } from './dto/feedback-queue-query.dto';
import { FeedbackQueueService } from './feedback-queue.service';

@ApiTags('feedback')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly queue: FeedbackQueueService) {}

  /** Every stage waiting for feedback, each marked `assignedToYou`; `?mine=true` keeps only the caller's own. */
  @Get('queue')
  list(@Query() query: FeedbackQueueQueryDto, @CurrentUser() viewer: UserEntity): Promise<FeedbackQueueItem[]> {
    return this.queue.list(viewer.id, query.mine === true);
  }
}
