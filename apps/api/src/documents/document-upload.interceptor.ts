import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_UPLOAD_FILE_FIELD,
  DOCUMENT_UPLOAD_KIND_FIELD,
  ErrorCode,
} from '@heardback/contracts';
import { DomainError, fieldError } from '@heardback/domain';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { UploadedFile } from './candidate-documents.service';
import { documentTooLarge } from './document-words';

/** The one route that reads multipart/form-data (see acceptJsonBodiesOnly): POST /api/me/documents. */
export const DOCUMENT_UPLOAD_ROUTE = 'me/documents';

/** Where the interceptor leaves the file it read, for the handler. */
export interface UploadRequest extends FastifyRequest {
  upload?: UploadedFile;
}

/**
 * Reads the upload into memory, at most DOCUMENT_MAX_BYTES of file and nothing else but the
 * `kind` field: one byte more and the request is refused (413) before anything is stored.
 * Filenames are read as UTF-8, as browsers send them (busboy's default).
 */
const UPLOAD_LIMITS = {
  fileSize: DOCUMENT_MAX_BYTES,
  files: 1,
  fields: 1,
  parts: 2,
  fieldSize: 100,
  fieldNameSize: 20,
};

@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    // A JSON body has no file in it: the handler says which field is missing.
    if (!request.isMultipart()) return next.handle();
    const fields: Record<string, string> = {};
    try {
      const parts: AsyncIterableIterator<Multipart> = request.parts({ limits: UPLOAD_LIMITS });
      for await (const part of parts) {
        if (part.type === 'file') {
          if (part.fieldname !== DOCUMENT_UPLOAD_FILE_FIELD) throw oneFileOnly();
          request.upload = { buffer: await part.toBuffer(), originalname: part.filename };
        } else {
          if (part.valueTruncated || part.fieldnameTruncated) throw onlyFileAndKind();
          fields[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      throw error instanceof DomainError ? error : uploadError(error);
    }
    request.body = fields;
    return next.handle();
  }
}

/** @fastify/multipart's and busboy's failures in words, each naming the field that was wrong. */
function uploadError(error: unknown): DomainError {
  switch ((error as { code?: unknown } | null)?.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return documentTooLarge();
    case 'FST_FILES_LIMIT':
      return oneFileOnly();
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return onlyFileAndKind();
    default:
      return new DomainError(
        ErrorCode.ValidationFailed,
        'The upload could not be read. Choose the file again and send it once more.',
      );
  }
}

function oneFileOnly(): DomainError {
  return fieldError(DOCUMENT_UPLOAD_FILE_FIELD, `send one file, in the field named "${DOCUMENT_UPLOAD_FILE_FIELD}"`);
}

function onlyFileAndKind(): DomainError {
  return fieldError(
    DOCUMENT_UPLOAD_KIND_FIELD,
    `send only the file and its kind ("${DOCUMENT_UPLOAD_KIND_FIELD}": cv or cover_letter)`,
  );
}
