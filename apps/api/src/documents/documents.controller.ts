import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DocumentList, DocumentView, UserRole } from '@heardback/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { RateLimited } from '../throttling/rate-limited.guard';
import { UserEntity } from '../users/user.entity';
import { CandidateDocumentsService } from './candidate-documents.service';
import { attachmentDisposition } from './document-content';
import { DocumentDownloadsService } from './document-downloads.service';
import { DOCUMENT_UPLOAD_ROUTE, DocumentUploadInterceptor, UploadRequest } from './document-upload.interceptor';
import { UploadDocumentDto } from './dto/upload-document.dto';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: CandidateDocumentsService,
    private readonly downloads: DocumentDownloadsService,
  ) {}

  /**
   * multipart/form-data: `file` (PDF or DOCX by content, at most 10 MiB) and `kind`. 415 for any
   * other content, 413 past the size, 409 past the per-candidate cap; nothing is stored then.
   */
  @Roles(UserRole.Candidate)
  @RateLimited('documentUpload')
  @Post(DOCUMENT_UPLOAD_ROUTE)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(DocumentUploadInterceptor)
  upload(
    @Body() body: UploadDocumentDto,
    @Req() request: UploadRequest,
    @CurrentUser() user: UserEntity,
  ): Promise<DocumentView> {
    return this.documents.upload(user, body.kind, request.upload);
  }

  @Roles(UserRole.Candidate)
  @Get('me/documents')
  mine(@CurrentUser() user: UserEntity): Promise<DocumentList> {
    return this.documents.list(user.id);
  }

  /** 409 for a document that went with an application; 404 for one that is not the caller's. */
  @Roles(UserRole.Candidate)
  @Delete('me/documents/:id')
  @HttpCode(204)
  async delete(@Param('id', notFoundOnBadId) id: string, @CurrentUser() user: UserEntity): Promise<void> {
    await this.documents.delete(user, id);
  }

  /**
   * The file, as an attachment of the type found in its content, never cached: its owner,
   * recruiters and staff (each agency download audited); 404 for anyone else.
   */
  @Get('documents/:id')
  async download(
    @Param('id', notFoundOnBadId) id: string,
    @CurrentUser() user: UserEntity,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, content } = await this.downloads.download(user, id);
    response.header('X-Content-Type-Options', 'nosniff');
    response.header('Cache-Control', 'private, no-store');
    return new StreamableFile(content, {
      type: document.mediaType,
      disposition: attachmentDisposition(document.fileName),
      length: content.length,
    });
  }
}
