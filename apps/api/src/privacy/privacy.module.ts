import { Module } from '@nestjs/common';
import { ConsentsService } from './consents.service';
import { PrivacyNoticeService } from './privacy-notice.service';
import { PrivacyController } from './privacy.controller';

/** The privacy notice and the candidate's consents (issue 10, item 5; docs/adr/0018). */
@Module({
  controllers: [PrivacyController],
  providers: [PrivacyNoticeService, ConsentsService],
})
export class PrivacyModule {}
