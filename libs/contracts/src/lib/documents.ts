/** What a candidate's document is for. */
export enum DocumentKind {
  Cv = 'cv',
  CoverLetter = 'cover_letter',
}
export const DOCUMENT_KINDS: readonly DocumentKind[] = [DocumentKind.Cv, DocumentKind.CoverLetter];

/**
 * The only kinds of file accepted, as found in the file's own bytes (never its name or the type
 * the browser declared): PDF, and Word's DOCX.
 */
export enum DocumentMediaType {
  Pdf = 'application/pdf',
  Docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}
export const DOCUMENT_MEDIA_TYPES: readonly DocumentMediaType[] = [DocumentMediaType.Pdf, DocumentMediaType.Docx];
/** For a file input's `accept`: a hint to the browser; the API checks the content whatever it is called. */
export const DOCUMENT_FILE_EXTENSIONS = '.pdf,.docx';

/** One stored version of a candidate's CV or cover letter (never its content: see `downloadPath`). */
export interface DocumentView {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  createdAt: string;
  /** GET it to download the file (the owner, recruiters and staff only). */
  downloadPath: string;
}

/**
 * GET /api/me/documents: every document the candidate keeps, newest first. Never paged: a
 * candidate keeps at most `max` (DOCUMENTS_PER_CANDIDATE_MAX), which the database enforces.
 */
export interface DocumentList {
  items: DocumentView[];
  max: number;
}

/** POST /api/me/documents is multipart/form-data with these two fields; it answers the new `DocumentView`, 201. */
export const DOCUMENT_UPLOAD_FILE_FIELD = 'file';
export const DOCUMENT_UPLOAD_KIND_FIELD = 'kind';

/** The candidate's contact details, as the agency sees them on an application. */
export interface CandidateDetailsView {
  email: string;
  phone: string | null;
  location: string | null;
  timeZone: string | null;
  profileLink: string | null;
}

/** What went with an application: the CV and cover letter chosen, or a cover letter typed in. */
export interface ApplicationDocumentsView {
  cv: DocumentView | null;
  coverLetter: DocumentView | null;
  coverLetterText: string | null;
}
