import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ConsentsView, PrivacyNoticeView, UserRole } from '@heardback/contracts';
import { CurrentUser, Public, Roles } from '../auth/access.decorators';
import { UserEntity } from '../users/user.entity';
import { ConsentsService } from './consents.service';
import { GiveTalentPoolConsentDto, PublishPrivacyNoticeDto } from './dto/privacy.dto';
import { PrivacyNoticeService } from './privacy-notice.service';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly notices: PrivacyNoticeService,
    private readonly consents: ConsentsService,
  ) {}

  /** The notice in force: shown before anyone consents to anything. */
  @Public()
  @Get('privacy-notice')
  current(): Promise<PrivacyNoticeView> {
    return this.notices.current();
  }

  @Roles(UserRole.Staff)
  @Post('privacy-notices')
  publish(@Body() body: PublishPrivacyNoticeDto, @CurrentUser() staff: UserEntity): Promise<PrivacyNoticeView> {
    return this.notices.publish(body.text, body.basedOnVersion, staff);
  }

  @Roles(UserRole.Candidate)
  @Get('me/consents')
  mine(@CurrentUser() user: UserEntity): Promise<ConsentsView> {
    return this.consents.view(user.id);
  }

  /** "Consider me for other jobs": given under the notice version the candidate read; giving it twice changes nothing. */
  @Roles(UserRole.Candidate)
  @Post('me/consents/talent-pool')
  @HttpCode(200)
  giveTalentPool(@Body() body: GiveTalentPoolConsentDto, @CurrentUser() user: UserEntity): Promise<ConsentsView> {
    return this.consents.giveTalentPool(user.id, body.privacyNoticeVersion);
  }

  @Roles(UserRole.Candidate)
  @Delete('me/consents/talent-pool')
  withdrawTalentPool(@CurrentUser() user: UserEntity): Promise<ConsentsView> {
    return this.consents.withdrawTalentPool(user.id);
  }
}
