import { DOCUMENT_MAX_BYTES, DocumentKind } from '@heardback/contracts';

/** A document's kind as a person says it. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  [DocumentKind.Cv]: 'CV',
  [DocumentKind.CoverLetter]: 'Cover letter',
};

/** The kind inside a sentence: "Upload CV", "Upload cover letter". */
export const DOCUMENT_KIND_IN_SENTENCE: Record<DocumentKind, string> = {
  [DocumentKind.Cv]: 'CV',
  [DocumentKind.CoverLetter]: 'cover letter',
};

/** "240 kB", "1.4 MB": a file's size the way file managers write it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The most a file may be, in the words of the upload's hint: "10 MB". */
export const DOCUMENT_MAX_SIZE_WORDS = fileSize(DOCUMENT_MAX_BYTES);
