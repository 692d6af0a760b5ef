import { DOCUMENT_MAX_BYTES, DOCUMENTS_PER_CANDIDATE_MAX, ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';

/** The words a candidate reads when a document is refused; the portal shows them as they are. */
const MAX_MEGABYTES = DOCUMENT_MAX_BYTES / (1024 * 1024);

export function documentTooLarge(): DomainError {
  return new DomainError(
    ErrorCode.PayloadTooLarge,
    `This file is larger than ${MAX_MEGABYTES} MB, the most we accept. Save a smaller copy (for example a PDF without large images) and upload that.`,
  );
}

export function documentTypeNotAccepted(): DomainError {
  return new DomainError(
    ErrorCode.UnsupportedMediaType,
    'We accept CVs and cover letters as PDF or Word (.docx) files only, and this file is neither, whatever its name says. Save it as a PDF and upload that.',
  );
}

export const TOO_MANY_DOCUMENTS = `You keep ${DOCUMENTS_PER_CANDIDATE_MAX} documents, the most we hold for one person. Delete one you no longer need, then upload again.`;

export const DOCUMENT_IN_USE =
  'This document went with an application, so the agency keeps it as long as the application: it cannot be deleted.';
