import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClientView, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { UserEntity } from '../users/user.entity';
import { ClientsService } from './clients.service';
import { CreateClientDto } from './dto/create-client.dto';

@ApiTags('clients')
@Roles(UserRole.Staff, UserRole.Recruiter)
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  list(): Promise<ClientView[]> {
    return this.clients.list();
  }

  @Roles(UserRole.Staff)
  @Post()
  create(@Body() body: CreateClientDto, @CurrentUser() user: UserEntity): Promise<ClientView> {
    return this.clients.create(body.name, user);
  }
}
