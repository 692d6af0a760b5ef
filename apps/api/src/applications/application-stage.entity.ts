import { StageState } from '@heardback/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of an application's pipeline, copied from the job's pipeline when the candidate applies. */
@Entity('application_stages')
export class ApplicationStageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  state!: StageState;

  /** Given to someone other than the application's recruiter; null: the application's (SQL: `stage_owner`). */
  @Column({ type: 'uuid', nullable: true })
  recruiterId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ type: 'text', array: true })
  interviewers!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  feedbackDueAt!: Date | null;

  /** Set when the stage is known to have taken place, whatever its schedule says. */
  @Column({ type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  skipReason!: string | null;

  /** The invite's SEQUENCE: raised at every reschedule or cancellation, so calendars replace the event. */
  @Column({ type: 'integer', default: 0 })
  calendarSequence!: number;
}
