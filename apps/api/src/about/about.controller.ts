import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AboutView } from '@heardback/contracts';
import { Public } from '../auth/access.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';

@ApiTags('about')
@Controller('about')
export class AboutController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Public: the portal reads it on every page to show the demo banner. */
  @Public()
  @Get()
  about(): AboutView {
    return { demo: this.config.demoData };
  }
}
