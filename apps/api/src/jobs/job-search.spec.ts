import { correctableWords, escapeLike, toPrefixTsQuery, withCorrections } from './job-search-terms';

describe('job search terms', () => {
  it('needs every word, the last one as a prefix since it may still be being typed', () => {
    expect(toPrefixTsQuery('Senior  Engin')).toBe('senior & engin:*');
  });

  it('splits words at punctuation, as the search document splits them', () => {
    expect(toPrefixTsQuery('Node.js')).toBe('node & js:*');
    expect(toPrefixTsQuery('full-stack engineer')).toBe('full & stack & engineer:*');
  });

  it('never makes a single letter a prefix, since it would match nearly every job', () => {
    expect(toPrefixTsQuery('developer C#')).toBe('developer & c');
  });

  it('drops tsquery operators so any text is safe to search', () => {
    expect(toPrefixTsQuery("c++ & (rust | go) !'")).toBe('c & rust & go:*');
  });

  it('ignores a search with nothing searchable in it', () => {
    expect(toPrefixTsQuery(' -- !! ')).toBeNull();
  });

  it('searches at most twelve words', () => {
    const words = Array.from({ length: 20 }, (_, index) => `w${index}`).join(' ');
    expect(toPrefixTsQuery(words)?.split(' & ')).toHaveLength(12);
  });

  it('offers for correction only words long enough to have near misses, once each', () => {
    expect(correctableWords('Go Londn, londn & Node.js')).toEqual(['londn', 'node']);
  });

  it('puts corrections in place of the words as typed', () => {
    expect(withCorrections(' senior Londn ', new Map([['londn', 'London']]))).toBe('senior London');
  });

  it('escapes LIKE wildcards in a location', () => {
    expect(escapeLike('100%_remote\\')).toBe('100\\%\\_remote\\\\');
  });
});
