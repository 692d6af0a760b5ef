import {
  AGENCY_LIST_MAX_LIMIT,
  AGENCY_USER_CURSOR_MAX_LENGTH,
  AGENCY_USER_SEARCH_MAX_LENGTH,
  AgencyUserListQuery,
  UserRole,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { commaSeparated, PageCursor, PageLimit, QueryBoolean } from '../../database/page-query-fields';

const IDS_WORDS = `must be one to ${AGENCY_LIST_MAX_LIMIT} user ids, separated by commas`;

/** The list of agency accounts' search, filters and page; each bad one is a 400 naming the field. */
export class AgencyUserListQueryDto implements AgencyUserListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(AGENCY_USER_SEARCH_MAX_LENGTH)
  q?: string;

  @IsOptional()
  @IsIn([UserRole.Recruiter, UserRole.Staff], { message: 'must be recruiter or staff' })
  role?: UserRole.Recruiter | UserRole.Staff;

  @QueryBoolean()
  active?: boolean;

  @IsOptional()
  @Transform(commaSeparated)
  @IsArray({ message: IDS_WORDS })
  @ArrayMinSize(1, { message: IDS_WORDS })
  @ArrayMaxSize(AGENCY_LIST_MAX_LIMIT, { message: IDS_WORDS })
  @IsUUID('all', { each: true, message: IDS_WORDS })
  ids?: string[];

  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  except?: string;

  @PageCursor(AGENCY_USER_CURSOR_MAX_LENGTH)
  cursor?: string;

  @PageLimit(AGENCY_LIST_MAX_LIMIT)
  limit?: number;
}
