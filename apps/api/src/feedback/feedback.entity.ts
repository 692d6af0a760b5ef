import { FeedbackDecision } from '@heardback/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Feedback on one stage. Rows are immutable (the database refuses UPDATE and DELETE);
 * a correction is a new row whose supersedesId points at the version it replaces.
 */
@Entity('feedback')
export class FeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  stageId!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'text' })
  decision!: FeedbackDecision;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'text' })
  candidateMessage!: string;

  @Column({ type: 'text', nullable: true })
  internalNotes!: string | null;

  /** Who gave the feedback, e.g. the hiring manager at the client, when not the recruiter. */
  @Column({ type: 'text', nullable: true })
  givenBy!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  /** A hold's promise: the candidate hears again by then. Required for every hold (a database check). */
  @Column({ type: 'timestamptz', nullable: true })
  holdUntil!: Date | null;
}
