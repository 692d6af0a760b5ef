import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CandidateDocumentEntity } from './candidate-document.entity';
import { CandidateDocumentsService } from './candidate-documents.service';
import { DocumentDownloadsService } from './document-downloads.service';
import { DOCUMENT_STORE } from './document-store';
import { DocumentsController } from './documents.controller';
import { PostgresDocumentStore } from './postgres-document-store';

/**
 * Candidates' CVs and cover letters. The bytes go to the DOCUMENT_STORE: PostgreSQL by default
 * (ADR 0017); another store is another provider for the same token.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CandidateDocumentEntity]), AuditModule],
  controllers: [DocumentsController],
  providers: [
    CandidateDocumentsService,
    DocumentDownloadsService,
    { provide: DOCUMENT_STORE, useClass: PostgresDocumentStore },
  ],
  exports: [DOCUMENT_STORE],
})
export class DocumentsModule {}
