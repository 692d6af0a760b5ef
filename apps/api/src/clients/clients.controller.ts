import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClientContactView, ClientDetailView, ClientPage, ClientView, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { ClientContactsService } from './client-contacts.service';
import { ClientsService } from './clients.service';
import { ClientContactDto, UpdateClientContactDto } from './dto/client-contact.dto';
import { ClientListQueryDto } from './dto/client-list-query.dto';
import { CreateClientDto } from './dto/create-client.dto';
import { UpdateClientSettingsDto } from './dto/update-client-settings.dto';

@ApiTags('clients')
@Roles(UserRole.Staff, UserRole.Recruiter)
@Controller('clients')
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly contacts: ClientContactsService,
  ) {}

  /** By name, a page at a time, with the total; `q` searches the names (the job editor's picker types into it). */
  @Get()
  list(@Query() query: ClientListQueryDto): Promise<ClientPage> {
    return this.clients.list(query);
  }

  @Roles(UserRole.Staff)
  @Post()
  create(@Body() body: CreateClientDto, @CurrentUser() user: UserEntity): Promise<ClientView> {
    return this.clients.create(body.name, user);
  }

  /** Recruiters read it too: they pick a stage's interviewers from the contacts. */
  @Get(':id')
  detail(@Param('id', notFoundOnBadId) id: string): Promise<ClientDetailView> {
    return this.clients.detail(id);
  }

  @Roles(UserRole.Staff)
  @Patch(':id')
  updateSettings(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: UpdateClientSettingsDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ClientDetailView> {
    return this.clients.updateSettings(id, body, user);
  }

  @Roles(UserRole.Staff)
  @Post(':id/contacts')
  addContact(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: ClientContactDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ClientContactView> {
    return this.contacts.add(id, body, user);
  }

  @Roles(UserRole.Staff)
  @Patch(':id/contacts/:contactId')
  updateContact(
    @Param('id', notFoundOnBadId) id: string,
    @Param('contactId', notFoundOnBadId) contactId: string,
    @Body() body: UpdateClientContactDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ClientContactView> {
    return this.contacts.update(id, contactId, body, user);
  }

  @Roles(UserRole.Staff)
  @Post(':id/contacts/:contactId/archive')
  @HttpCode(HttpStatus.OK)
  archiveContact(
    @Param('id', notFoundOnBadId) id: string,
    @Param('contactId', notFoundOnBadId) contactId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<ClientContactView> {
    return this.contacts.archive(id, contactId, user);
  }
}
