import {
  AUDIT_EVENTS_MAX_LIMIT,
  AuditAction,
  AuditEntityType,
  AuditEventQuery,
  CURSOR_MAX_LENGTH,
} from '@heardback/contracts';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  isISO8601,
} from 'class-validator';

/** A real calendar day written yyyy-mm-dd (not 2026-02-30, not a time). */
function IsCalendarDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true }),
      defaultMessage: () => 'must be a real day written yyyy-mm-dd, such as 2026-12-01',
    },
  });
}

export class AuditEventsQueryDto implements AuditEventQuery {
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a recruiter or staff member' })
  actorId?: string;

  @IsOptional()
  @IsEnum(AuditEntityType, { message: `must be one of ${Object.values(AuditEntityType).join(', ')}` })
  entityType?: AuditEntityType;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a record' })
  entityId?: string;

  @IsOptional()
  @IsEnum(AuditAction, { message: `must be one of ${Object.values(AuditAction).join(', ')}` })
  action?: AuditAction;

  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @IsOptional()
  @IsCalendarDay()
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(AUDIT_EVENTS_MAX_LIMIT, { message: `must not be greater than ${AUDIT_EVENTS_MAX_LIMIT}` })
  limit?: number;
}
