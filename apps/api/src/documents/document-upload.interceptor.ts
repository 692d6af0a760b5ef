import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_UPLOAD_FILE_FIELD,
  DOCUMENT_UPLOAD_KIND_FIELD,
  ErrorCode,
} from '@heardback/contracts';
import { DomainError, fieldError } from '@heardback/domain';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { documentTooLarge } from './document-words';

/** The one route that reads multipart/form-data (see acceptJsonBodiesOnly): POST /api/me/documents. */
export const DOCUMENT_UPLOAD_ROUTE = 'me/documents';

/**
 * Reads the upload into memory, at most DOCUMENT_MAX_BYTES of file and nothing else but the
 * `kind` field: one byte more and the request is refused (413) before anything is stored.
 * Filenames are read as UTF-8, as browsers send them.
 */
const readUpload = multer({
  storage: multer.memoryStorage(),
  defParamCharset: 'utf8',
  limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 1, parts: 2, fieldSize: 100, fieldNameSize: 20 },
}).single(DOCUMENT_UPLOAD_FILE_FIELD);

@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      readUpload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) =>
        error ? reject(uploadError(error)) : resolve(),
      ),
    );
    return next.handle();
  }
}

/** multer's and busboy's failures in words, each naming the field that was wrong. */
function uploadError(error: unknown): DomainError {
  if (!(error instanceof MulterError)) {
    return new DomainError(
      ErrorCode.ValidationFailed,
      'The upload could not be read. Choose the file again and send it once more.',
    );
  }
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return documentTooLarge();
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_FILE_COUNT':
      return fieldError(
        DOCUMENT_UPLOAD_FILE_FIELD,
        `send one file, in the field named "${DOCUMENT_UPLOAD_FILE_FIELD}"`,
      );
    default:
      return fieldError(
        DOCUMENT_UPLOAD_KIND_FIELD,
        `send only the file and its kind ("${DOCUMENT_UPLOAD_KIND_FIELD}": cv or cover_letter)`,
      );
  }
}
