import { EmploymentType, JobStatus, PayPeriod, ScreeningQuestion, WorkMode } from '@heardback/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ClientEntity } from '../clients/client.entity';

@Entity('jobs')
export class JobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity)
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'text' })
  workMode!: WorkMode;

  @Column({ type: 'text' })
  employmentType!: EmploymentType;

  @Column({ type: 'integer', nullable: true })
  salaryMin!: number | null;

  @Column({ type: 'integer', nullable: true })
  salaryMax!: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  salaryCurrency!: string | null;

  /** What the pay range is per; kept when the range is removed, and 'year' by default. */
  @Column({ type: 'text' })
  payPeriod!: PayPeriod;

  @Column({ type: 'text' })
  status!: JobStatus;

  @Column({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  /** The ordered interview stages every application on this job goes through. */
  @Column({ type: 'text', array: true })
  pipeline!: string[];

  /** The promise to candidates: an answer by the end of this many working days after each interview. */
  @Column({ type: 'integer' })
  answerWithinWorkingDays!: number;

  /** The promise to applicants: whether they move forward, by the end of this many working days after applying. */
  @Column({ type: 'integer' })
  screeningWithinWorkingDays!: number;

  /** What every applicant is asked, in order; answers are kept as a snapshot on each application. */
  @Column({ type: 'jsonb' })
  screeningQuestions!: ScreeningQuestion[];

  /** When the job was first opened; the board's sort key. */
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
