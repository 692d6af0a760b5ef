import { ApplicationDocumentsView, COVER_LETTER_TEXT_MAX_LENGTH, DocumentKind } from '@heardback/contracts';
import { fieldError } from '@heardback/domain';
import { EntityManager, In } from 'typeorm';
import { CandidateDocumentEntity } from './candidate-document.entity';
import { toDocumentView } from './document-view';
import { UUID } from '../database/uuid';

export interface ApplicationDocumentsChoice {
  applicationId: string;
  candidateId: string;
  cvDocumentId?: string | null;
  coverLetterDocumentId?: string | null;
  coverLetterText?: string | null;
}

/**
 * Links the CV and cover letter the candidate chose to their application, in the caller's
 * transaction (the apply transaction). Each document must be the candidate's own and of the right
 * kind, else a 400 naming the field; a cover letter is a file or typed text, not both. The
 * documents are share-locked, so a delete of one cannot slip in before the link is committed.
 */
export async function attachApplicationDocuments(
  manager: EntityManager,
  choice: ApplicationDocumentsChoice,
): Promise<void> {
  const coverLetterText = choice.coverLetterText?.trim() || null;
  if (coverLetterText !== null && choice.coverLetterDocumentId) {
    throw fieldError('coverLetterText', 'send your cover letter as a file or as text, not both');
  }
  if (coverLetterText !== null && coverLetterText.length > COVER_LETTER_TEXT_MAX_LENGTH) {
    throw fieldError('coverLetterText', `must be at most ${COVER_LETTER_TEXT_MAX_LENGTH} characters`);
  }
  const cvDocumentId = await ownDocument(manager, choice, 'cvDocumentId', DocumentKind.Cv);
  const coverLetterDocumentId = await ownDocument(manager, choice, 'coverLetterDocumentId', DocumentKind.CoverLetter);
  await manager.query(
    `UPDATE applications SET cv_document_id = $3, cover_letter_document_id = $4, cover_letter_text = $5
      WHERE id = $1 AND candidate_id = $2`,
    [choice.applicationId, choice.candidateId, cvDocumentId, coverLetterDocumentId, coverLetterText],
  );
}

const KIND_WORDS: Record<DocumentKind, string> = {
  [DocumentKind.Cv]: 'CVs',
  [DocumentKind.CoverLetter]: 'cover letters',
};

async function ownDocument(
  manager: EntityManager,
  choice: ApplicationDocumentsChoice,
  field: 'cvDocumentId' | 'coverLetterDocumentId',
  kind: DocumentKind,
): Promise<string | null> {
  const id = choice[field];
  if (!id) return null;
  const rows: { kind: DocumentKind }[] = UUID.test(id)
    ? await manager.query(`SELECT kind FROM candidate_documents WHERE id = $1 AND candidate_id = $2 FOR SHARE`, [
        id,
        choice.candidateId,
      ])
    : [];
  if (rows.length === 0 || rows[0].kind !== kind) {
    throw fieldError(field, `is not one of your ${KIND_WORDS[kind]}: choose another or upload it again`);
  }
  return id;
}

/** The documents that went with one application, in one query, for the agency's view of it. */
export async function loadApplicationDocuments(
  manager: EntityManager,
  application: { cvDocumentId: string | null; coverLetterDocumentId: string | null; coverLetterText: string | null },
): Promise<ApplicationDocumentsView> {
  const ids = [application.cvDocumentId, application.coverLetterDocumentId].filter((id): id is string => id !== null);
  const documents = ids.length === 0 ? [] : await manager.findBy(CandidateDocumentEntity, { id: In(ids) });
  const view = (id: string | null) => {
    const document = documents.find((candidate) => candidate.id === id);
    return document ? toDocumentView(document) : null;
  };
  return {
    cv: view(application.cvDocumentId),
    coverLetter: view(application.coverLetterDocumentId),
    coverLetterText: application.coverLetterText,
  };
}
