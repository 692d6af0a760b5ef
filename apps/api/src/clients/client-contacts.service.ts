import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, CLIENT_CONTACTS_MAX, ClientContactView, ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CLOCK, Clock } from '../config/clock';
import { updateReturning } from '../database/update-returning';
import { UserEntity } from '../users/user.entity';
import { ClientContactRow, loadClientContact, toClientContactView } from './client-contact-records';
import { ClientContactDto, UpdateClientContactDto } from './dto/client-contact.dto';

const NO_SUCH_CLIENT = 'This client does not exist.';
const NO_SUCH_CONTACT = 'This client has no such contact.';

/** Staff keep the people at a client: interviewers are picked from them. Archived, never deleted. */
@Injectable()
export class ClientContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  add(clientId: string, request: ClientContactDto, actor: UserEntity): Promise<ClientContactView> {
    return this.dataSource.transaction(async (manager) => {
      // The client's row is the lock that keeps two additions at once from passing the limit together.
      await lockClient(manager, clientId);
      const [{ live }]: { live: number }[] = await manager.query(
        'SELECT count(*)::int AS live FROM client_contacts WHERE client_id = $1 AND archived_at IS NULL',
        [clientId],
      );
      if (live >= CLIENT_CONTACTS_MAX) {
        throw new DomainError(
          ErrorCode.ClientContactsFull,
          `A client can have at most ${CLIENT_CONTACTS_MAX} contacts: archive one who has left first.`,
        );
      }
      // A taken email fails on client_contacts_email_unique, which answers CLIENT_CONTACT_EMAIL_TAKEN.
      const [row]: ClientContactRow[] = await manager.query(
        `INSERT INTO client_contacts (client_id, full_name, email, role) VALUES ($1, $2, $3, $4)
         RETURNING id, client_id, full_name, email, role, archived_at`,
        [clientId, request.fullName, request.email, request.role ?? ''],
      );
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ClientContactAdded,
        entity: { type: AuditEntityType.Client, id: clientId },
        before: null,
        after: auditedContact(row),
      });
      return toClientContactView(row);
    });
  }

  update(
    clientId: string,
    contactId: string,
    request: UpdateClientContactDto,
    actor: UserEntity,
  ): Promise<ClientContactView> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await liveContact(manager, clientId, contactId);
      const [row] = await updateReturning<ClientContactRow>(
        manager,
        `UPDATE client_contacts SET full_name = $2, email = $3, role = $4 WHERE id = $1
         RETURNING id, client_id, full_name, email, role, archived_at`,
        [
          contactId,
          request.fullName ?? contact.full_name,
          request.email ?? contact.email,
          request.role ?? contact.role,
        ],
      );
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ClientContactUpdated,
        entity: { type: AuditEntityType.Client, id: clientId },
        context: { contact: contact.full_name },
        before: auditedContact(contact),
        after: auditedContact(row),
      });
      return toClientContactView(row);
    });
  }

  /** The contact left the client: kept for the history and the score, never offered again. Repeating it changes nothing. */
  archive(clientId: string, contactId: string, actor: UserEntity): Promise<ClientContactView> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await lockClient(manager, clientId);
      const contact = await loadClientContact(manager, clientId, contactId, { lock: true });
      if (!contact) throw new DomainError(ErrorCode.NotFound, NO_SUCH_CONTACT);
      if (contact.archived_at) return toClientContactView(contact);
      const [row] = await updateReturning<ClientContactRow>(
        manager,
        `UPDATE client_contacts SET archived_at = $2 WHERE id = $1
         RETURNING id, client_id, full_name, email, role, archived_at`,
        [contactId, now],
      );
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ClientContactArchived,
        entity: { type: AuditEntityType.Client, id: clientId },
        context: { contact: contact.full_name },
        before: { archivedAt: null },
        after: { archivedAt: now },
      });
      return toClientContactView(row);
    });
  }
}

async function lockClient(manager: EntityManager, clientId: string): Promise<void> {
  const rows: unknown[] = await manager.query('SELECT id FROM clients WHERE id = $1 FOR UPDATE', [clientId]);
  if (rows.length === 0) throw new DomainError(ErrorCode.NotFound, NO_SUCH_CLIENT);
}

async function liveContact(manager: EntityManager, clientId: string, contactId: string): Promise<ClientContactRow> {
  const contact = await loadClientContact(manager, clientId, contactId, { lock: true });
  if (!contact) throw new DomainError(ErrorCode.NotFound, NO_SUCH_CONTACT);
  if (contact.archived_at) {
    throw new DomainError(
      ErrorCode.ClientContactArchived,
      'This contact is archived: it is kept as it was. Add them again if they are back at the client.',
    );
  }
  return contact;
}

/** What the audit trail records of a contact: who they are (a business contact, not a candidate). */
function auditedContact(row: ClientContactRow) {
  return { contact: row.full_name, email: row.email, contactRole: row.role };
}
