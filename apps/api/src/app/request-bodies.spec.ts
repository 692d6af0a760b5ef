import { jsonDepth, MAX_JSON_DEPTH, prototypeKeyIn } from './request-bodies';

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
