import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, systemClock } from '@heardback/domain';
import { APP_CONFIG, AppConfig } from './app-config';
import { CLOCK } from './clock';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
