import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionGuard } from './session.guard';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([SessionEntity])],
  controllers: [AuthController],
  providers: [AuthService, SessionService, { provide: APP_GUARD, useClass: SessionGuard }],
})
export class AuthModule {}
