import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FeedbackQueuePage, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { UserEntity } from '../users/user.entity';
import { FeedbackQueueQueryDto } from './dto/feedback-queue-query.dto';
import { FeedbackQueueService } from './feedback-queue.service';

@ApiTags('feedback')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly queue: FeedbackQueueService) {}

  /**
   * Stages waiting for feedback, oldest due first, a page at a time with the total, each marked
   * `assignedToYou`; `?mine=true` keeps only the caller's own.
   */
  @Get('queue')
  list(@Query() query: FeedbackQueueQueryDto, @CurrentUser() viewer: UserEntity): Promise<FeedbackQueuePage> {
    return this.queue.list({
      viewerId: viewer.id,
      mine: query.mine === true,
      cursor: query.cursor,
      limit: query.limit,
    });
  }
}
