import { Body, Controller, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClientFeedbackReceipt, ClientReviewPageView } from '@heardback/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { attachmentDisposition } from '../documents/document-content';
import { RateLimited } from '../throttling/rate-limited.guard';
import { ClientReviewPageService } from './client-review-page.service';
import { ClientFeedbackDto, ReviewTokenDto } from './dto/client-review.dto';

/**
 * A client interviewer's review link (ADR 0031), no account: every call is a POST with the token in
 * its body (never in a URL, which logs and proxies keep), XSRF-checked like every write, and
 * rate-limited per address and per link. 404: unknown link; 410 `{code, state}`: no longer open.
 */
@ApiTags('client review')
@Public()
@Controller('client-review')
export class ClientReviewController {
  constructor(private readonly page: ClientReviewPageService) {}

  // Per handler: the guard reads the route's limits from the handler, not the class.
  @RateLimited('clientReview')
  @Post('open')
  @HttpCode(200)
  open(@Body() body: ReviewTokenDto): Promise<ClientReviewPageView> {
    return this.page.open(body.token);
  }

  /** The candidate's CV for this application, as an attachment, never cached. */
  @RateLimited('clientReview')
  @Post('cv')
  @HttpCode(200)
  async cv(@Body() body: ReviewTokenDto, @Res({ passthrough: true }) response: FastifyReply): Promise<StreamableFile> {
    const { document, content } = await this.page.cv(body.token);
    response.header('X-Content-Type-Options', 'nosniff');
    response.header('Cache-Control', 'private, no-store');
    return new StreamableFile(content, {
      type: document.mediaType,
      disposition: attachmentDisposition(document.fileName),
      length: content.length,
    });
  }

  @RateLimited('clientReview')
  @Post('feedback')
  feedback(@Body() body: ClientFeedbackDto): Promise<ClientFeedbackReceipt> {
    return this.page.submit(body);
  }
}
