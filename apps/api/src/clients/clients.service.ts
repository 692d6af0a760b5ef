import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ClientView } from '@heardback/contracts';
import { Repository } from 'typeorm';
import { ClientEntity } from './client.entity';

@Injectable()
export class ClientsService {
  constructor(@InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>) {}

  async list(): Promise<ClientView[]> {
    const clients = await this.clients.find({ order: { name: 'ASC' } });
    return clients.map(({ id, name }) => ({ id, name }));
  }

  async create(name: string): Promise<ClientView> {
    const saved = await this.clients.save(this.clients.create({ name }));
    return { id: saved.id, name: saved.name };
  }
}
