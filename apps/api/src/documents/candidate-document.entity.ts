import { DocumentKind, DocumentMediaType } from '@heardback/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of a candidate's CV or cover letter. Its bytes are the `DocumentStore`'s business
 * (the `content` column for the PostgreSQL store), never loaded with the row.
 */
@Entity('candidate_documents')
export class CandidateDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  candidateId!: string;

  @Column({ type: 'text' })
  kind!: DocumentKind;

  /** As the candidate's computer named it, made safe to show and to offer back on download. */
  @Column({ type: 'text' })
  fileName!: string;

  /** Found in the file's bytes on upload, never taken from its name or the browser. */
  @Column({ type: 'text' })
  mediaType!: DocumentMediaType;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  /** Hex SHA-256 of the content: a check that what is served is what was stored. */
  @Column({ type: 'text' })
  sha256!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
