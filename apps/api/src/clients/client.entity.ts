import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A hiring company the agency recruits for. */
@Entity('clients')
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The agency person the client's escalations end with; null: the agency leads. */
  @Column({ type: 'uuid', nullable: true })
  accountOwnerId!: string | null;

  /** A client interviewer's feedback reaches the candidate without a recruiter's review. */
  @Column({ type: 'boolean', default: false })
  autoPublishClientFeedback!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
