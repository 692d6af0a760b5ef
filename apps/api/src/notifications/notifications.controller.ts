import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationView, UserRole } from '@heardback/contracts';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/access.decorators';
import { NotificationEntity } from './notification.entity';

@ApiTags('agency')
@Roles(UserRole.Staff)
@Controller('agency/notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The outbox, newest first: what candidates and recruiters were sent, and anything still failing. */
  @Get()
  async list(): Promise<NotificationView[]> {
    const rows = await this.dataSource.manager.find(NotificationEntity, { order: { createdAt: 'DESC' }, take: 200 });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      recipientEmail: row.recipientEmail,
      subject: row.subject,
      body: row.body,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      givenUpReason: row.givenUpReason,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    }));
  }
}
