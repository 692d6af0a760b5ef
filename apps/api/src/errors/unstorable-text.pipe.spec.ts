import { BROKEN_CHARACTER_REASON, NUL_REASON, UnstorableTextPipe, unstorableTextIn } from './unstorable-text.pipe';
import { refusalOf } from './testing/refusal-of';

describe('UnstorableTextPipe', () => {
  const pipe = new UnstorableTextPipe();

  it('names every field whose text holds a NUL, nested ones by their path', () => {
    expect(
      unstorableTextIn({
        name: 'Acme\u0000',
        salary: { currency: 'G\u0000BP', min: 1 },
        stages: ['ok', 'Fin\u0000al'],
        notes: null,
      }).map(({ field }) => field),
    ).toEqual(['name', 'salary.currency', 'stages.1']);
    expect(unstorableTextIn({ name: 'Acme', tags: ['a', 'b'] })).toEqual([]);
  });

  it('refuses a body or a query holding one, with the field and what to do', () => {
    expect(refusalOf(() => pipe.transform({ location: 'Leeds\u0000' }, { type: 'query' }))).toEqual({
      message: NUL_REASON,
      details: [{ field: 'location', reasons: [NUL_REASON] }],
    });
  });

  it('refuses half of a character (as JSON\'s "\\ud800" gives it), where the email check would throw', () => {
    expect(refusalOf(() => pipe.transform({ email: '\ud800', password: 'x' }, { type: 'body' }))).toEqual({
      message: BROKEN_CHARACTER_REASON,
      details: [{ field: 'email', reasons: [BROKEN_CHARACTER_REASON] }],
    });
    expect(unstorableTextIn({ a: 'a@b\udc00.com', b: ['fine', 'end\ud83d'] }).map(({ field }) => field)).toEqual([
      'a',
      'b.1',
    ]);
  });

  it('keeps whole characters outside the basic plane: emoji and CJK extensions are text like any other', () => {
    const body = { fullName: 'Zoë 😀 𠮷野', note: '\u{1F469}\u200D\u{1F4BB}' };
    expect(unstorableTextIn(body)).toEqual([]);
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('passes everything else through untouched, and leaves path parameters to their own checks', () => {
    const body = { name: 'Acme' };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform('a\u0000b', { type: 'param' })).toBe('a\u0000b');
  });
});
