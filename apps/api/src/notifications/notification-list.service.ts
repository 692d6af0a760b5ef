import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationView } from '@heardback/contracts';
import { DataSource } from 'typeorm';
import { NotificationEntity } from './notification.entity';

/** How many notifications staff see at once: the newest, which are the ones they ask about. */
const NEWEST = 200;

/** The outbox as staff read it: what candidates and recruiters were sent, and anything still failing. */
@Injectable()
export class NotificationListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async newestFirst(): Promise<NotificationView[]> {
    const rows = await this.dataSource.manager.find(NotificationEntity, { order: { createdAt: 'DESC' }, take: NEWEST });
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
