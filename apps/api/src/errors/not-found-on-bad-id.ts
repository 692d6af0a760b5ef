import { ParseUUIDPipe } from '@nestjs/common';
import { ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';

/** An id that is not even a UUID names nothing: answer 404, as for any id the caller may not see. */
export const notFoundOnBadId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError(ErrorCode.NotFound, 'Not found.'),
});
