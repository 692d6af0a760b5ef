import { ErrorCode, PIPELINE_MAX_STAGES, SCREENING_OPTIONS_MAX, SCREENING_QUESTIONS_MAX } from '@heardback/contracts';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import {
  frameworkClientError,
  jsonDepth,
  jsonMembers,
  MAX_JSON_BODY_BYTES,
  MAX_JSON_DEPTH,
  MAX_JSON_MEMBERS,
  prototypeKeyIn,
} from './request-bodies';

describe('jsonDepth', () => {
  it('counts scalars as depth 0 and each object or array as one level', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ pipeline: [{ name: 'Phone screen' }] })).toBe(3);
  });

  it('reports the deepest branch, not the first', () => {
    expect(jsonDepth({ a: 1, b: { c: { d: [] } }, e: [] })).toBe(4);
  });

  it('stops counting just past the limit, so a hostile body costs little', () => {
    let deep: unknown = [];
    for (let level = 0; level < 10_000; level++) deep = [deep];
    expect(jsonDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
  });

  it('finds a key naming a prototype anywhere in a body, as JSON.parse keeps it', () => {
    expect(prototypeKeyIn(JSON.parse('{"decision":"advance","__proto__":{"x":1}}'))).toBe('__proto__');
    expect(prototypeKeyIn(JSON.parse('{"answers":[{"constructor":{"prototype":1}}]}'))).toBe('constructor');
    expect(prototypeKeyIn(JSON.parse('{"decision":"advance","notes":"__proto__"}'))).toBeNull();
    expect(prototypeKeyIn(null)).toBeNull();
  });
});

describe('jsonMembers', () => {
  it('counts the fields and list items of every level', () => {
    expect(jsonMembers('text')).toBe(0);
    expect(jsonMembers({})).toBe(0);
    expect(jsonMembers({ title: 'Nurse', pipeline: ['Phone screen', 'Final'], salary: { min: 1, max: 2 } })).toBe(7);
  });

  it('passes the largest job a form can send', () => {
    // Every field of JobWriteDto, with the most stages, questions and options it takes.
    const question = {
      id: 'q',
      kind: 'choice',
      prompt: 'Which shift?',
      required: true,
      options: Array(SCREENING_OPTIONS_MAX).fill('Shift'),
    };
    const job = {
      clientId: 'c',
      title: 'Nurse',
      description: 'Words',
      location: 'Leeds',
      workMode: 'onsite',
      employmentType: 'full_time',
      salary: { min: 1, max: 2, currency: 'GBP', period: 'year' },
      status: 'open',
      pipeline: Array(PIPELINE_MAX_STAGES).fill('Stage'),
      answerWithinWorkingDays: 3,
      screeningWithinWorkingDays: 5,
      ownerId: 'o',
      screeningQuestions: Array(SCREENING_QUESTIONS_MAX).fill(question),
    };
    expect(jsonMembers(job)).toBeLessThan(MAX_JSON_MEMBERS / 2);
  });

  it('stops counting just past the limit, whether the items are wide or nested', () => {
    expect(jsonMembers({ answers: Array(33_000).fill({}) })).toBe(33_001);
    const nested = Array.from({ length: 100 }, () => Array(100).fill(0));
    expect(jsonMembers(nested)).toBeGreaterThan(MAX_JSON_MEMBERS);
    expect(jsonMembers(nested)).toBeLessThanOrEqual(MAX_JSON_MEMBERS + 100);
  });
});

describe('frameworkClientError', () => {
  it('puts a body cut off past the limit, as NestJS hands it on, in our words', () => {
    const tooLarge = frameworkClientError(new HttpException('Request body is too large', 413));
    expect(tooLarge?.code).toBe(ErrorCode.PayloadTooLarge);
    expect(tooLarge?.message).toContain(`${MAX_JSON_BODY_BYTES / 1024} kB`);
    expect(frameworkClientError(new HttpException('Unsupported Media Type', 415))?.code).toBe(
      ErrorCode.UnsupportedMediaType,
    );
  });

  it("answers a malformed address with a 400 of ours and leaves the API's own errors alone", () => {
    const badUrl = Object.assign(new Error("'/%' is not a valid url component"), {
      code: 'FST_ERR_BAD_URL',
      statusCode: 400,
    });
    expect(frameworkClientError(badUrl)?.code).toBe(ErrorCode.ValidationFailed);
    expect(frameworkClientError(badUrl)?.message).not.toContain('/%');
    expect(frameworkClientError(new BadRequestException('a pipe of ours'))).toBeNull();
    expect(frameworkClientError(Object.assign(new Error('boom'), { statusCode: 500, code: 'FST_X' }))).toBeNull();
    expect(frameworkClientError(new Error('anything'))).toBeNull();
  });

  it('answers a path part longer than any id with the 404 of any unknown address', () => {
    const longId = Object.assign(new Error("'/api/jobs/aaaa…' is exceeding the max param length"), {
      code: 'FST_ERR_MAX_PARAM_LENGTH',
      statusCode: 414,
    });
    expect(frameworkClientError(longId)?.code).toBe(ErrorCode.NotFound);
    expect(frameworkClientError(longId)?.message).toBe('There is nothing at this address.');
  });

  it("answers an address no route has in our words, not NestJS's, which sends the path back", () => {
    const unrouted = frameworkClientError(new NotFoundException(`Cannot GET /api/${'a'.repeat(5_000)}`));
    expect(unrouted?.code).toBe(ErrorCode.NotFound);
    expect(unrouted?.message).toBe('There is nothing at this address.');
    // A 404 of the API's own, such as a job that does not exist, keeps its words.
    expect(frameworkClientError(new NotFoundException('No such job.'))).toBeNull();
  });
});
