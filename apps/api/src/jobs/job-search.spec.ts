import { escapeLike, toPrefixTsQuery } from './job-search-terms';

describe('job search terms', () => {
  it('matches every word by prefix', () => {
    expect(toPrefixTsQuery('Senior  Engin')).toBe('senior:* & engin:*');
  });

  it('drops tsquery operators so any text is safe to search', () => {
    expect(toPrefixTsQuery("c++ & (rust | go) !'")).toBe('c:* & rust:* & go:*');
  });

  it('ignores a search with nothing searchable in it', () => {
    expect(toPrefixTsQuery(' -- !! ')).toBeNull();
  });

  it('escapes LIKE wildcards in a location', () => {
    expect(escapeLike('100%_remote\\')).toBe('100\\%\\_remote\\\\');
  });
});
