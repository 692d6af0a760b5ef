import { Body, Controller, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgencyUserPage, AgencyUserView, UserRole, UserView } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { toUserView } from '../auth/user-view';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { AgencyUserListQueryDto } from './dto/agency-user-list-query.dto';
import { UpdateAgencyMailDto } from './dto/update-agency-mail.dto';
import { SetAgencyLeadDto } from './dto/set-agency-lead.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /**
   * Recruiters and staff (never candidates) by name, a page at a time, with the total; `q` searches
   * names and emails, `role`, `active` and `ids` narrow it (the people pickers type into it).
   */
  @Roles(UserRole.Staff)
  @Get('users')
  list(@Query() query: AgencyUserListQueryDto): Promise<AgencyUserPage> {
    return this.users.listAgency(query);
  }

  /** Staff say which staff members are agency leads: the escalation ladder's second level. */
  @Roles(UserRole.Staff)
  @Put('users/:id/agency-lead')
  setAgencyLead(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: SetAgencyLeadDto,
    @CurrentUser() staff: UserEntity,
  ): Promise<AgencyUserView> {
    return this.users.setAgencyLead(staff, id, body.isAgencyLead);
  }

  /**
   * Anyone signed in may change the name they are addressed by, and the time zone times are written
   * in; candidates also their contact details (phone, location, link), which the agency sees.
   */
  @Patch('me/profile')
  async updateProfile(@Body() body: UpdateProfileDto, @CurrentUser() user: UserEntity): Promise<UserView> {
    const renamed = body.fullName === user.fullName ? user : await this.users.rename(user, body.fullName);
    const zoned = body.timeZone === undefined ? renamed : await this.users.setTimeZone(renamed, body.timeZone);
    const { phone, location, profileLink } = body;
    const contactSent = phone !== undefined || location !== undefined || profileLink !== undefined;
    return toUserView(
      contactSent ? await this.users.setContactDetails(zoned, { phone, location, profileLink }) : zoned,
    );
  }

  /**
   * Recruiters and staff choose how they hear about their work: each reminder at once, or an hourly
   * or daily digest (escalations always at once). Candidates have no such mail: 403.
   */
  @Roles(UserRole.Recruiter, UserRole.Staff)
  @Patch('me/agency-mail')
  async updateAgencyMail(@Body() body: UpdateAgencyMailDto, @CurrentUser() user: UserEntity): Promise<UserView> {
    return toUserView(await this.users.setAgencyMail(user, body.agencyMail));
  }
}
