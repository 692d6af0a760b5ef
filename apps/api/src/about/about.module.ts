import { Module } from '@nestjs/common';
import { DemoModule } from '../demo/demo.module';
import { AboutController } from './about.controller';

@Module({ imports: [DemoModule], controllers: [AboutController] })
export class AboutModule {}
