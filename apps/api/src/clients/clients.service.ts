import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, ClientView } from '@heardback/contracts';
import { Repository } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { UserEntity } from '../users/user.entity';
import { ClientEntity } from './client.entity';

@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<ClientView[]> {
    const clients = await this.clients.find({ order: { name: 'ASC' } });
    return clients.map(({ id, name }) => ({ id, name }));
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
}
