import { Body, Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RetentionSettingsView, RetentionSweepResult, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../../auth/access.decorators';
import { CLOCK, Clock } from '../../config/clock';
import { UserEntity } from '../../users/user.entity';
import { UpdateRetentionSettingsDto } from '../dto/data-rights.dto';
import { RetentionSettingsService } from './retention-settings.service';
import { RetentionSweepService } from './retention-sweep.service';

/** Staff set how long closed applications are kept (ADR 0019). */
@ApiTags('agency')
@Roles(UserRole.Staff)
@Controller('agency/data-retention')
export class DataRetentionController {
  constructor(
    private readonly settings: RetentionSettingsService,
    private readonly sweeper: RetentionSweepService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  get(): Promise<RetentionSettingsView> {
    return this.settings.get();
  }

  @Put()
  update(@Body() body: UpdateRetentionSettingsDto, @CurrentUser() user: UserEntity): Promise<RetentionSettingsView> {
    return this.settings.update(body.retentionMonths, user.id, this.clock.now());
  }

  /** Runs the retention sweep now instead of at the next hour (safe to repeat: each notice and erasure happens once). */
  @Post('sweep')
  @HttpCode(200)
  sweep(): Promise<RetentionSweepResult> {
    return this.sweeper.sweep();
  }
}
