import {
  NOTIFICATION_KINDS,
  NOTIFICATION_RECIPIENT_FILTER_MAX_LENGTH,
  NOTIFICATION_STATUSES,
  NOTIFICATIONS_MAX_LIMIT,
  NotificationKind,
  NotificationQuery,
  NotificationStatus,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageCursor, PageLimit } from '../../database/page-query-fields';

/** The outgoing-mail filters, from the query string; each bad one is a 400 naming the field. */
export class NotificationsQueryDto implements NotificationQuery {
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'must be text: part of an email address or a name' })
  @MinLength(1, { message: 'must not be empty: leave it out to see every recipient' })
  @MaxLength(NOTIFICATION_RECIPIENT_FILTER_MAX_LENGTH, {
    message: `must be at most ${NOTIFICATION_RECIPIENT_FILTER_MAX_LENGTH} characters`,
  })
  recipient?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an application' })
  applicationId?: string;

  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: `must be one of ${NOTIFICATION_STATUSES.join(', ')}` })
  status?: NotificationStatus;

  @IsOptional()
  @IsIn(NOTIFICATION_KINDS, { message: `must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind?: NotificationKind;

  @PageCursor()
  cursor?: string;

  @PageLimit(NOTIFICATIONS_MAX_LIMIT)
  limit?: number;
}
