import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind, NotificationStatus } from '@heardback/contracts';

/** One email to one person, in the outbox until the mail server has accepted it. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** One per event and recipient: writing the same notification twice is a no-op. */
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ type: 'uuid', nullable: true })
  recipientId!: string | null;

  @Column({ type: 'text' })
  recipientEmail!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'text' })
  status!: NotificationStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'text', nullable: true })
  givenUpReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** While `held`: when the recipient's digest carrying it is due. */
  @Column({ type: 'timestamptz', nullable: true })
  digestDueAt!: Date | null;

  /** Once `digested`: the digest email that carried it. */
  @Column({ type: 'uuid', nullable: true })
  digestId!: string | null;
}
