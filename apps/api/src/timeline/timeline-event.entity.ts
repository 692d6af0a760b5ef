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
}
