import { BoardFilter } from './job-board-query';
import { BroadSearchMemo } from './broad-search-memo';

const engineer: BoardFilter = {
  tsQuery: 'engineer:*',
  location: null,
  workMode: null,
  employmentType: null,
  clientId: null,
};
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, seconds));

describe('BroadSearchMemo', () => {
  it('remembers a broad search until its time lapses, by the clock it is given', () => {
    const memo = new BroadSearchMemo(10_000);
    expect(memo.isBroad(engineer, at(0))).toBe(false);
    memo.rememberBroad(engineer, at(0));
    expect(memo.isBroad(engineer, at(9))).toBe(true);
    expect(memo.isBroad(engineer, at(10))).toBe(false);
    // Lapsed means forgotten: it is not broad again later without being counted again.
    expect(memo.isBroad(engineer, at(5))).toBe(false);
  });

  it('tells searches apart by every filter', () => {
    const memo = new BroadSearchMemo(10_000);
    memo.rememberBroad(engineer, at(0));
    for (const other of [
      { ...engineer, tsQuery: 'engineer' },
      { ...engineer, location: 'London' },
      { ...engineer, workMode: 'remote' },
      { ...engineer, employmentType: 'contract' },
      { ...engineer, clientId: '4f1c0c36-5f3c-4e4b-9a61-0d3f3c4b9a10' },
    ] as BoardFilter[]) {
      expect(memo.isBroad(other, at(1))).toBe(false);
    }
    expect(memo.isBroad({ ...engineer }, at(1))).toBe(true);
  });

  it('forgets the oldest search first when full, and a search remembered again counts as new', () => {
    const memo = new BroadSearchMemo(60_000, 2);
    const search = (word: string): BoardFilter => ({ ...engineer, tsQuery: word });
    memo.rememberBroad(search('a1'), at(0));
    memo.rememberBroad(search('b2'), at(1));
    memo.rememberBroad(search('a1'), at(2));
    memo.rememberBroad(search('c3'), at(3));
    expect(memo.isBroad(search('b2'), at(4))).toBe(false);
    expect(memo.isBroad(search('a1'), at(4))).toBe(true);
    expect(memo.isBroad(search('c3'), at(4))).toBe(true);
  });

  it('remembers nothing when its time is zero', () => {
    const memo = new BroadSearchMemo(0);
    memo.rememberBroad(engineer, at(0));
    expect(memo.isBroad(engineer, at(0))).toBe(false);
  });
});
