import { TimelineEventType } from '@heardback/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An application's history, the candidate's timeline: each event says whether the candidate sees it. */
@Entity('timeline_events')
export class TimelineEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  type!: TimelineEventType;

  /** The stage the event concerns, when it concerns one. */
  @Column({ type: 'uuid', nullable: true })
  stageId!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'boolean' })
  candidateVisible!: boolean;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The slot an event placed or moved an interview to, so each reader sees it in their own zone. */
  @Column({ type: 'timestamptz', nullable: true })
  interviewStartsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  interviewEndsAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  interviewLocation!: string | null;

  /** The slot a reschedule cancelled. */
  @Column({ type: 'timestamptz', nullable: true })
  interviewWasStartsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  interviewWasEndsAt!: Date | null;

  /** The date an event about the agency's promise gives, so each reader sees it in their own zone. */
  @Column({ type: 'timestamptz', nullable: true })
  promiseDueAt!: Date | null;
}
