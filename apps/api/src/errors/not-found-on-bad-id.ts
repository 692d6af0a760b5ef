import { ArgumentMetadata, ParseUUIDPipe } from '@nestjs/common';
import { ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';

/**
 * An id in the path: one that is not even a UUID names nothing (404, as for any id the caller may not
 * see); one in capitals is the same id, and arrives in the one form the database gives back, so every
 * comparison with a stored id (`actor.id === userId`) holds whatever case the caller wrote it in.
 */
class PathIdPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return (await super.transform(value, metadata)).toLowerCase();
  }
}

export const notFoundOnBadId = new PathIdPipe({
  exceptionFactory: () => new DomainError(ErrorCode.NotFound, 'Not found.'),
});
