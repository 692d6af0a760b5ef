import { AgencyJobsQueryDto } from '../jobs/dto/agency-jobs-query.dto';
import { SearchJobsDto } from '../jobs/dto/search-jobs.dto';
import { RepeatedQueryPipe, SEND_ONCE_REASON } from './repeated-query.pipe';
import { refusalOf } from './testing/refusal-of';

describe('RepeatedQueryPipe', () => {
  const pipe = new RepeatedQueryPipe();

  it('refuses a one-value field sent twice by its name, with the one reason that applies', () => {
    expect(
      refusalOf(() => pipe.transform({ limit: ['1', '2'], q: 'nurse' }, { type: 'query', metatype: SearchJobsDto })),
    ).toEqual({
      message: SEND_ONCE_REASON,
      details: [{ field: 'limit', reasons: [SEND_ONCE_REASON] }],
    });
  });

  it('lets a field that takes a list be sent as many times as it likes', () => {
    const query = { status: ['open', 'closed'], limit: '20' };
    expect(pipe.transform(query, { type: 'query', metatype: AgencyJobsQueryDto })).toBe(query);
  });

  it('leaves bodies, single query values and queries without a class to their own checks', () => {
    const body = { interviewers: ['A', 'B'] };
    expect(pipe.transform(body, { type: 'body', metatype: SearchJobsDto })).toBe(body);
    expect(pipe.transform({ limit: '1' }, { type: 'query', metatype: SearchJobsDto })).toEqual({ limit: '1' });
    expect(pipe.transform(['a', 'b'], { type: 'query', data: 'token' })).toEqual(['a', 'b']);
  });
});
