import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationPage, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { NotificationsQueryDto } from './dto/notifications-query.dto';
import { NotificationListService } from './notification-list.service';

@ApiTags('agency')
@Roles(UserRole.Staff)
@Controller('agency/notifications')
export class NotificationsController {
  constructor(private readonly notificationList: NotificationListService) {}

  /** The outbox, newest first and filtered: what candidates and recruiters were sent, and anything still failing. */
  @Get()
  list(@Query() query: NotificationsQueryDto): Promise<NotificationPage> {
    return this.notificationList.newestFirst(query);
  }
}
