import { JobStatus } from '@heardback/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Closing a job and every open application on it: the durable record of the work and its progress. */
@Entity('job_closures')
export class JobClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  jobId!: string;

  @Column({ type: 'text' })
  outcome!: JobStatus.Closed | JobStatus.Filled;

  @Column({ type: 'text' })
  candidateMessage!: string;

  @Column({ type: 'text' })
  status!: 'queued' | 'running' | 'done';

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer' })
  done!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
