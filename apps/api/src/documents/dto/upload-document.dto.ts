import { DOCUMENT_KINDS, DocumentKind } from '@heardback/contracts';
import { IsIn } from 'class-validator';

/** The text part of the multipart upload; the file itself is read by DocumentUploadInterceptor. */
export class UploadDocumentDto {
  @IsIn(DOCUMENT_KINDS, { message: 'must be cv or cover_letter' })
  kind!: DocumentKind;
}
