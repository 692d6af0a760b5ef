import {
  CLIENT_CURSOR_MAX_LENGTH,
  CLIENT_LIST_MAX_LIMIT,
  CLIENT_SEARCH_MAX_LENGTH,
  ClientListQuery,
} from '@heardback/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const IDS_WORDS = `must be one to ${CLIENT_LIST_MAX_LIMIT} client ids, separated by commas`;

/** `?ids=a,b` (or the parameter repeated) as a list; anything else is left for the checks to refuse. */
function idList({ value }: { value: unknown }): unknown {
  return (Array.isArray(value) ? value : [value]).flatMap((part) =>
    typeof part === 'string' ? part.split(',').map((id) => id.trim()) : [part],
  );
}

/** The client list's search and page; each bad one is a 400 naming the field. */
export class ClientListQueryDto implements ClientListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(CLIENT_SEARCH_MAX_LENGTH)
  q?: string;

  @IsOptional()
  @Transform(idList)
  @IsArray({ message: IDS_WORDS })
  @ArrayMinSize(1, { message: IDS_WORDS })
  @ArrayMaxSize(CLIENT_LIST_MAX_LIMIT, { message: IDS_WORDS })
  @IsUUID('all', { each: true, message: IDS_WORDS })
  ids?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(CLIENT_CURSOR_MAX_LENGTH)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(CLIENT_LIST_MAX_LIMIT, { message: `must not be greater than ${CLIENT_LIST_MAX_LIMIT}` })
  limit?: number;
}
