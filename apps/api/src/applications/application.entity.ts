import { ApplicationStatus, ScreeningAnswerView } from '@heardback/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { JobEntity } from '../jobs/job.entity';
import { UserEntity } from '../users/user.entity';

@Entity('applications')
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => JobEntity)
  @JoinColumn({ name: 'job_id' })
  job?: JobEntity;

  @Column({ type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'candidate_id' })
  candidate?: UserEntity;

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Column({ type: 'uuid', nullable: true })
  currentStageId!: string | null;

  /** Optimistic concurrency: every change bumps it, and a caller holding an older one is refused. */
  @Column({ type: 'integer' })
  version!: number;

  /** The words a closed application ends with: a rejection's message, or the message sent when the job closed. */
  @Column({ type: 'text', nullable: true })
  rejectionMessage!: string | null;

  /** Whose work the application is (set from the job's owner when the candidate applies; staff may reassign it). */
  @Column({ type: 'uuid', nullable: true })
  recruiterId!: string | null;

  /** The candidate's "I will move on after …" date. */
  @Column({ type: 'timestamptz', nullable: true })
  candidateDecisionAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason!: string | null;

  /** While an offer stands: the date by which the candidate is asked to reply. */
  @Column({ type: 'timestamptz', nullable: true })
  offerReplyBy!: Date | null;

  /** The job's questions as they were asked, with the candidate's answers in words (personal data). */
  @Column({ type: 'jsonb' })
  screeningAnswers!: ScreeningAnswerView[];

  /** The withdrawn application this one applies again after, if any. */
  @Column({ type: 'uuid', nullable: true })
  previousApplicationId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** The CV the candidate chose to send (one of their `candidate_documents`); set by `attachApplicationDocuments`. */
  @Column({ type: 'uuid', nullable: true })
  cvDocumentId!: string | null;

  /** A cover letter sent as a file, or typed in (`coverLetterText`), or neither. */
  @Column({ type: 'uuid', nullable: true })
  coverLetterDocumentId!: string | null;

  @Column({ type: 'text', nullable: true })
  coverLetterText!: string | null;
}
