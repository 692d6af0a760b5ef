import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClientEntity } from './client.entity';
import { ClientContactsService } from './client-contacts.service';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClientEntity]), AuditModule],
  controllers: [ClientsController],
  providers: [ClientsService, ClientContactsService],
  exports: [ClientsService, ClientContactsService],
})
export class ClientsModule {}
