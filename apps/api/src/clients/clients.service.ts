import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AuditAction,
  AuditEntityType,
  CLIENT_LIST_DEFAULT_LIMIT,
  ClientDetailView,
  ClientListQuery,
  ClientPage,
  ClientView,
  ErrorCode,
  UserRole,
} from '@heardback/contracts';
import { DomainError, fieldError } from '@heardback/domain';
import { EntityManager, Repository } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { UserEntity } from '../users/user.entity';
import { ClientEntity } from './client.entity';
import { loadClientContacts } from './client-contact-records';
import { clientPage } from './client-list';
import { decodeNameCursor } from '../database/keyset-cursor';
import { UpdateClientSettingsDto } from './dto/update-client-settings.dto';

const NO_SUCH_CLIENT = 'This client does not exist.';

@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>,
    private readonly audit: AuditTrail,
  ) {}

  /** Clients by name, a page at a time, with how many match in all (client-list.ts). */
  list(query: ClientListQuery = {}): Promise<ClientPage> {
    return clientPage(this.clients.manager, {
      q: query.q,
      ids: query.ids,
      cursor: query.cursor ? decodeNameCursor(query.cursor) : null,
      limit: query.limit ?? CLIENT_LIST_DEFAULT_LIMIT,
    });
  }

  create(name: string, actor: UserEntity): Promise<ClientView> {
    return this.clients.manager.transaction(async (manager) => {
      const saved = await manager.save(manager.create(ClientEntity, { name }));
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ClientCreated,
        entity: { type: AuditEntityType.Client, id: saved.id },
        before: null,
        after: { name: saved.name },
      });
      return { id: saved.id, name: saved.name };
    });
  }

  async detail(id: string, manager: EntityManager = this.clients.manager): Promise<ClientDetailView> {
    const client = await manager.findOneBy(ClientEntity, { id });
    if (!client) throw new DomainError(ErrorCode.NotFound, NO_SUCH_CLIENT);
    const owner = client.accountOwnerId ? await manager.findOneBy(UserEntity, { id: client.accountOwnerId }) : null;
    const { contacts, archivedTotal } = await loadClientContacts(manager, id);
    return {
      id: client.id,
      name: client.name,
      accountOwner: owner ? { id: owner.id, fullName: owner.fullName, active: owner.disabledAt === null } : null,
      autoPublishClientFeedback: client.autoPublishClientFeedback,
      contacts,
      archivedContactsTotal: archivedTotal,
    };
  }

  /** Staff set who the client's escalations end with, and whether its feedback skips review. */
  updateSettings(id: string, request: UpdateClientSettingsDto, actor: UserEntity): Promise<ClientDetailView> {
    return this.clients.manager.transaction(async (manager) => {
      const client = await manager.findOne(ClientEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!client) throw new DomainError(ErrorCode.NotFound, NO_SUCH_CLIENT);
      const before = auditedSettings(client);
      if (request.accountOwnerId !== undefined) {
        if (request.accountOwnerId !== null) await assertCanOwnAccounts(manager, request.accountOwnerId);
        client.accountOwnerId = request.accountOwnerId;
      }
      if (request.autoPublishClientFeedback !== undefined) {
        client.autoPublishClientFeedback = request.autoPublishClientFeedback;
      }
      await manager.update(ClientEntity, id, {
        accountOwnerId: client.accountOwnerId,
        autoPublishClientFeedback: client.autoPublishClientFeedback,
      });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.ClientSettingsChanged,
        entity: { type: AuditEntityType.Client, id },
        before,
        after: auditedSettings(client),
      });
      return this.detail(id, manager);
    });
  }
}

function auditedSettings(client: ClientEntity) {
  return { accountOwnerId: client.accountOwnerId, autoPublishClientFeedback: client.autoPublishClientFeedback };
}

/** An account owner is chased when the client is late: only an active recruiter or staff member can be. */
async function assertCanOwnAccounts(manager: EntityManager, userId: string): Promise<void> {
  const user = await manager.findOneBy(UserEntity, { id: userId });
  const agency = user && (user.role === UserRole.Staff || user.role === UserRole.Recruiter);
  if (!agency || user.disabledAt !== null) {
    throw fieldError('accountOwnerId', 'must be an active recruiter or staff member');
  }
}
