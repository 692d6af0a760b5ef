import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AccountMailer } from './account-mailer';
import { AccountTokensService } from './account-tokens.service';
import { RegistrationsService } from './registrations.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MeAccountController } from './me-account.controller';
import { SessionGuard } from './session.guard';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { SignInAttempts } from './sign-in-attempts';
import { UserAccessController } from './user-access.controller';
import { UserAccessService } from './user-access.service';

@Module({
  imports: [UsersModule, NotificationsModule, AuditModule, TypeOrmModule.forFeature([SessionEntity])],
  controllers: [AuthController, InvitationsController, MeAccountController, UserAccessController],
  providers: [
    AuthService,
    SessionService,
    AccountTokensService,
    RegistrationsService,
    AccountMailer,
    SignInAttempts,
    UserAccessService,
    InvitationsService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AuthService, SessionService],
})
export class AuthModule {}
