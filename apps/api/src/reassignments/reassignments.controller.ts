import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReassignmentResult, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { UserEntity } from '../users/user.entity';
import { ReassignmentDto } from './dto/reassignment.dto';
import { ReassignmentService } from './reassignment.service';

@ApiTags('agency')
@Roles(UserRole.Staff)
@Controller('agency/reassignments')
export class ReassignmentsController {
  constructor(private readonly reassignments: ReassignmentService) {}

  /** Gives a stage, an application, or all of one person's open work to someone else, in one transaction. */
  @Post()
  @HttpCode(200)
  reassign(@Body() body: ReassignmentDto, @CurrentUser() staff: UserEntity): Promise<ReassignmentResult> {
    return this.reassignments.reassign(staff, body);
  }
}
