import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApplicationSearchPage, NewApplicationsPage, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { UserEntity } from '../users/user.entity';
import { ApplicationSearchService } from './application-search.service';
import { ApplicationSearchQueryDto } from './dto/application-search-query.dto';
import { NewApplicationsQueryDto } from './dto/new-applications-query.dto';
import { NewApplicationsService } from './new-applications.service';

/** Recruiters and staff find applications: by search, and the ones nobody has screened yet. */
@ApiTags('agency')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller('agency/applications')
export class FindingController {
  constructor(
    private readonly searchService: ApplicationSearchService,
    private readonly newApplications: NewApplicationsService,
  ) {}

  /** Applications whose candidate's name or email, job title or client matches `q`, newest first. */
  @Get('search')
  search(@Query() query: ApplicationSearchQueryDto): Promise<ApplicationSearchPage> {
    return this.searchService.search(query.q, query.cursor);
  }

  /** Applications not yet screened, oldest first; a recruiter sees their own unless they ask `mine=false`. */
  @Get('new')
  async unscreened(
    @Query() query: NewApplicationsQueryDto,
    @CurrentUser() viewer: UserEntity,
  ): Promise<NewApplicationsPage> {
    const mine = query.mine ?? viewer.role === UserRole.Recruiter;
    return { ...(await this.newApplications.list(mine ? viewer.id : null, query.cursor)), mine };
  }
}
