import { BadRequestException } from '@nestjs/common';
import { NUL_REASON, NulBytePipe, fieldsWithNul } from './nul-byte.pipe';

describe('NulBytePipe', () => {
  const pipe = new NulBytePipe();

  it('names every field whose text holds a NUL, nested ones by their path', () => {
    expect(
      fieldsWithNul({
        name: 'Acme\u0000',
        salary: { currency: 'G\u0000BP', min: 1 },
        stages: ['ok', 'Fin\u0000al'],
        notes: null,
      }),
    ).toEqual(['name', 'salary.currency', 'stages.1']);
    expect(fieldsWithNul({ name: 'Acme', tags: ['a', 'b'] })).toEqual([]);
  });

  it('refuses a body or a query holding one, with the field and what to do', () => {
    let refused: unknown;
    try {
      pipe.transform({ location: 'Leeds\u0000' }, { type: 'query' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toEqual({
      message: NUL_REASON,
      details: [{ field: 'location', reasons: [NUL_REASON] }],
    });
  });

  it('passes everything else through untouched, and leaves path parameters to their own checks', () => {
    const body = { name: 'Acme' };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform('a\u0000b', { type: 'param' })).toBe('a\u0000b');
  });
});
