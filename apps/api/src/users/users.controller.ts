import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UserRole, UserView } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { toUserView } from '../auth/user-view';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Staff create recruiter and staff accounts; candidates register themselves. */
  @Roles(UserRole.Staff)
  @Post()
  async create(@Body() body: CreateUserDto): Promise<UserView> {
    return toUserView(await this.users.create(body));
  }
}
