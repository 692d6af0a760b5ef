import { API_PREFIX, DocumentView } from '@heardback/contracts';
import { CandidateDocumentEntity } from './candidate-document.entity';

/** A document as its owner and the agency see it: what it is, never its bytes. */
export function toDocumentView(document: CandidateDocumentEntity): DocumentView {
  return {
    id: document.id,
    kind: document.kind,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    createdAt: document.createdAt.toISOString(),
    downloadPath: `/${API_PREFIX}/documents/${document.id}`,
  };
}
