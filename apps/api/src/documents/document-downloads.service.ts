import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, ErrorCode } from '@heardback/contracts';
import { DomainError, Viewer, canDownloadDocument } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CandidateDocumentEntity } from './candidate-document.entity';
import { DOCUMENT_STORE, DocumentStore } from './document-store';

export interface DocumentDownload {
  document: CandidateDocumentEntity;
  content: Buffer;
}

/** Hands out a document's file to those who may have it, and writes every agency download to the audit trail. */
@Injectable()
export class DocumentDownloadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The owner, recruiters and staff get the file; anyone else gets 404, as for a document that does
   * not exist, so ids say nothing. The audit row is written in the same transaction as the read:
   * no agency person has a file without its row.
   */
  download(viewer: Viewer, id: string): Promise<DocumentDownload> {
    return this.dataSource.transaction(async (manager) => {
      const document = await manager.findOneBy(CandidateDocumentEntity, { id });
      const content = document && canDownloadDocument(viewer, document) ? await this.store.get(manager, id) : null;
      if (!document || !content) throw new DomainError(ErrorCode.NotFound, 'There is no document with this id.');
      // The file's name is the candidate's words and the audit trail cannot be erased: only the id and kind.
      await this.audit.record(manager, {
        actor: viewer,
        action: AuditAction.UserDocumentDownloaded,
        entity: { type: AuditEntityType.User, id: document.candidateId },
        before: null,
        after: { documentId: document.id, kind: document.kind },
      });
      return { document, content };
    });
  }
}
