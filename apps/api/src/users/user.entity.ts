import type { AgencyMailPreference } from '@heardback/contracts';
import { UserRole } from '@heardback/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; the database refuses anything else. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  fullName!: string;

  @Column({ type: 'text' })
  role!: UserRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Null until the owner follows the verification link; until then only that message is mailed to them. */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /**
   * When staff last sent this agency person their invitation (ADR 0082). With `emailVerifiedAt` still null,
   * they have not chosen a password yet and cannot sign in. Null for accounts made before invitations.
   */
  @Column({ type: 'timestamptz', nullable: true })
  invitedAt!: Date | null;

  /** Set by staff: the account cannot sign in and has no sessions. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** The IANA zone every time is written to this person in; null: the agency's (emails) or the browser's (pages). */
  @Column({ type: 'text', nullable: true })
  timeZone!: string | null;

  /** Recruiters and staff: reminders one by one, or in an hourly or daily digest (escalations always at once). */
  @Column({ type: 'text' })
  agencyMail!: AgencyMailPreference;
  /** Staff only: told when an escalation is itself left (the ladder's second level). */
  @Column({ type: 'boolean', default: false })
  isAgencyLead!: boolean;

  /** Candidates' contact details, shown to the agency on their applications: E.164 ("+442079460958"). */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** Where the candidate is, in their words ("Leeds, UK"). */
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  /** An https link the candidate gives, such as their LinkedIn profile or portfolio. */
  @Column({ type: 'text', nullable: true })
  profileLink!: string | null;
}
