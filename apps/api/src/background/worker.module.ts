import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { apiDataSourceOptions } from '../database/api-data-source';
import { MetricsModule } from '../metrics/metrics.module';
import { ResilienceModule } from '../resilience/resilience.module';
import { BackgroundModule } from './background.module';

/** Everything a background worker needs and nothing that serves HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(apiDataSourceOptions(config)),
        ResilienceModule,
        MetricsModule,
        BackgroundModule,
      ],
    };
  }
}
