import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DOCUMENT_UPLOAD_FILE_FIELD,
  DOCUMENTS_PER_CANDIDATE_MAX,
  DocumentKind,
  DocumentList,
  DocumentView,
  ErrorCode,
} from '@heardback/contracts';
import { DomainError, fieldError } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { CandidateDocumentEntity } from './candidate-document.entity';
import { detectDocumentType, safeFileName, sha256Hex } from './document-content';
import { DOCUMENT_STORE, DocumentStore } from './document-store';
import { toDocumentView } from './document-view';
import { DOCUMENT_IN_USE, documentTypeNotAccepted } from './document-words';

/** The file as the upload handed it over: its bytes and the name the candidate's computer gave it. */
export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

/** A candidate's own documents: upload a new version, list them, delete one that went nowhere. */
@Injectable()
export class CandidateDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  /**
   * Checks the content (not the name) is a PDF or DOCX, then writes the row and its content in one
   * transaction: a failure anywhere, the database's cap included, leaves nothing stored.
   */
  async upload(candidate: UserEntity, kind: DocumentKind, file: UploadedFile | undefined): Promise<DocumentView> {
    if (!file) throw fieldError(DOCUMENT_UPLOAD_FILE_FIELD, 'choose a PDF or Word (.docx) file to upload');
    const mediaType = await detectDocumentType(file.buffer);
    if (!mediaType) throw documentTypeNotAccepted();
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(CandidateDocumentEntity, {
          candidateId: candidate.id,
          kind,
          fileName: safeFileName(file.originalname, mediaType),
          mediaType,
          sizeBytes: file.buffer.length,
          sha256: sha256Hex(file.buffer),
        }),
      );
      await this.store.put(manager, saved.id, file.buffer);
      return toDocumentView(saved);
    });
  }

  /** Newest first; bounded by DOCUMENTS_PER_CANDIDATE_MAX (the database's cap), so never paged. */
  async list(candidateId: string): Promise<DocumentList> {
    const documents = await this.dataSource.manager.find(CandidateDocumentEntity, {
      where: { candidateId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: DOCUMENTS_PER_CANDIDATE_MAX,
    });
    return { items: documents.map(toDocumentView), max: DOCUMENTS_PER_CANDIDATE_MAX };
  }

  /** Deletes the candidate's own document, unless it went with an application (the agency keeps that one). */
  async delete(candidate: UserEntity, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const document = await manager.findOne(CandidateDocumentEntity, {
        where: { id, candidateId: candidate.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!document) throw new DomainError(ErrorCode.NotFound, 'You have no document with this id.');
      const inUse: unknown[] = await manager.query(
        `SELECT 1 FROM applications WHERE cv_document_id = $1 OR cover_letter_document_id = $1 LIMIT 1`,
        [id],
      );
      if (inUse.length > 0) throw new DomainError(ErrorCode.Conflict, DOCUMENT_IN_USE);
      await this.store.delete(manager, id);
      await manager.delete(CandidateDocumentEntity, { id });
    });
  }
}
