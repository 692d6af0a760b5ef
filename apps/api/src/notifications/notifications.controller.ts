import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationView, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { NotificationListService } from './notification-list.service';

@ApiTags('agency')
@Roles(UserRole.Staff)
@Controller('agency/notifications')
export class NotificationsController {
  constructor(private readonly notificationList: NotificationListService) {}

  /** The outbox, newest first: what candidates and recruiters were sent, and anything still failing. */
  @Get()
  list(): Promise<NotificationView[]> {
    return this.notificationList.newestFirst();
  }
}
