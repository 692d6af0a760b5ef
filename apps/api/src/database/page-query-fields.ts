import { applyDecorators } from '@nestjs/common';
import { CURSOR_MAX_LENGTH } from '@heardback/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?cursor=`: the previous page's nextCursor, optional; too long or not text is a 400 naming it. */
export function PageCursor(maxLength: number = CURSOR_MAX_LENGTH): PropertyDecorator {
  return applyDecorators(IsOptional(), IsString(), MaxLength(maxLength));
}

/** `?limit=` (1 to `max`), optional; anything else is a 400 naming it, in words. */
export function PageLimit(max: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'must be a whole number' }),
    Min(1, { message: 'must be at least 1' }),
    Max(max, { message: `must not be greater than ${max}` }),
  );
}

/**
 * `?x=a,b` (or the parameter repeated) as a list, for `@Transform`; anything that is not text is left
 * in the list for the checks to refuse.
 */
export function commaSeparated({ value }: { value: unknown }): unknown {
  return (Array.isArray(value) ? value : [value]).flatMap((part) =>
    typeof part === 'string' ? part.split(',').map((item) => item.trim()) : [part],
  );
}

/** `?x=true` or `?x=false` as a boolean, optional; anything else is a 400 naming it. */
export function QueryBoolean(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: 'must be true or false' }),
  );
}
