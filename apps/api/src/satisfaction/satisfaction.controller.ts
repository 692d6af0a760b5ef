import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SatisfactionView, SatisfactionWordsPage, UserRole } from '@heardback/contracts';
import { CurrentUser, Public, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { RateLimited } from '../throttling/rate-limited.guard';
import { UserEntity } from '../users/user.entity';
import { SatisfactionAnswerDto, SatisfactionTokenAnswerDto, SatisfactionWordsQueryDto } from './dto/satisfaction.dto';
import { SatisfactionAnswersService } from './satisfaction-answers.service';
import { SatisfactionWordsService } from './satisfaction-words.service';

/** "How did we do": the candidate answers (by the emailed token or signed in); the agency reads words, never who wrote them. */
@ApiTags('satisfaction')
@Controller()
export class SatisfactionController {
  constructor(
    private readonly answers: SatisfactionAnswersService,
    private readonly words: SatisfactionWordsService,
  ) {}

  /** The token travels in the body, never the address, so no log keeps it. */
  @Public()
  @RateLimited('satisfactionAnswer')
  @Post('satisfaction/answer')
  @HttpCode(200)
  answerWithToken(@Body() body: SatisfactionTokenAnswerDto): Promise<SatisfactionView> {
    const { token, ...answer } = body;
    return this.answers.answerWithToken(token, answer);
  }

  @Roles(UserRole.Candidate)
  @Get('me/applications/:id/satisfaction')
  mine(@Param('id', notFoundOnBadId) id: string, @CurrentUser() user: UserEntity): Promise<SatisfactionView> {
    return this.answers.getForCandidate(id, user.id);
  }

  @Roles(UserRole.Candidate)
  @Put('me/applications/:id/satisfaction')
  answerMine(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: SatisfactionAnswerDto,
    @CurrentUser() user: UserEntity,
  ): Promise<SatisfactionView> {
    return this.answers.answerForCandidate(id, user.id, body);
  }

  @Roles(UserRole.Recruiter, UserRole.Staff)
  @Get('satisfaction/words')
  latestWords(
    @Query() query: SatisfactionWordsQueryDto,
    @CurrentUser() user: UserEntity,
  ): Promise<SatisfactionWordsPage> {
    return this.words.latest(query, user);
  }
}
