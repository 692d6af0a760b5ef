import { ErrorCode } from '@heardback/contracts';
import { BadRequestException, HttpException } from '@nestjs/common';
import { frameworkClientError, jsonDepth, MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH, prototypeKeyIn } from './request-bodies';

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
});
