import { Module } from '@nestjs/common';
import { AgencyDigestBuilder } from './agency-digest-builder';
import { CandidateUpdateMailer } from './candidate-update-mailer';
import { MailTransport } from './mail-transport';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationListService } from './notification-list.service';
import { NotificationsController } from './notifications.controller';
import { OutboxLag } from './outbox-lag';
import { OutboxSender } from './outbox-sender';
import { OutboxService } from './outbox.service';

@Module({
  controllers: [NotificationsController],
  providers: [
    OutboxService,
    AgencyDigestBuilder,
    CandidateUpdateMailer,
    MailTransport,
    NotificationDispatcher,
    NotificationListService,
    OutboxSender,
    OutboxLag,
  ],
  exports: [OutboxService, CandidateUpdateMailer, NotificationDispatcher, OutboxLag],
})
export class NotificationsModule {}
