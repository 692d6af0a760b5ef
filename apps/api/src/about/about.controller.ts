import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AboutView } from '@heardback/contracts';
import { Public } from '../auth/access.decorators';
import { DemoLogins } from '../demo/demo-logins';

@ApiTags('about')
@Controller('about')
export class AboutController {
  constructor(private readonly demoLogins: DemoLogins) {}

  /** Public: the portal reads it on every page to show the demo banner while a demo login still works. */
  @Public()
  @Get()
  async about(): Promise<AboutView> {
    return { demo: await this.demoLogins.remain() };
  }
}
