import {
  CLIENT_CURSOR_MAX_LENGTH,
  CLIENT_LIST_MAX_LIMIT,
  CLIENT_SEARCH_MAX_LENGTH,
  ClientListQuery,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { commaSeparated, PageCursor, PageLimit } from '../../database/page-query-fields';

const IDS_WORDS = `must be one to ${CLIENT_LIST_MAX_LIMIT} client ids, separated by commas`;

/** The client list's search and page; each bad one is a 400 naming the field. */
export class ClientListQueryDto implements ClientListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(CLIENT_SEARCH_MAX_LENGTH)
  q?: string;

  @IsOptional()
  @Transform(commaSeparated)
  @IsArray({ message: IDS_WORDS })
  @ArrayMinSize(1, { message: IDS_WORDS })
  @ArrayMaxSize(CLIENT_LIST_MAX_LIMIT, { message: IDS_WORDS })
  @IsUUID('all', { each: true, message: IDS_WORDS })
  ids?: string[];

  @PageCursor(CLIENT_CURSOR_MAX_LENGTH)
  cursor?: string;

  @PageLimit(CLIENT_LIST_MAX_LIMIT)
  limit?: number;
}
