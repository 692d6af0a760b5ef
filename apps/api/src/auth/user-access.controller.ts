import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UserAccessResult, UserRole } from '@heardback/contracts';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { CurrentUser, Roles } from './access.decorators';
import { UserAccessService } from './user-access.service';

/** Staff disable and re-enable accounts, and see the work a user leaves behind. */
@ApiTags('users')
@Roles(UserRole.Staff)
@Controller('users/:id')
export class UserAccessController {
  constructor(private readonly access: UserAccessService) {}

  @Post('disable')
  @HttpCode(200)
  disable(@Param('id', notFoundOnBadId) id: string, @CurrentUser() actor: UserEntity): Promise<UserAccessResult> {
    return this.access.disable(actor, id);
  }

  @Post('enable')
  @HttpCode(200)
  enable(@Param('id', notFoundOnBadId) id: string, @CurrentUser() actor: UserEntity): Promise<UserAccessResult> {
    return this.access.enable(actor, id);
  }

  @Get('open-work')
  openWork(@Param('id', notFoundOnBadId) id: string): Promise<UserAccessResult> {
    return this.access.describe(id);
  }
}
