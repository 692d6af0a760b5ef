'use strict';

const { diffLines, unifiedDiff } = require('./text-diff.cjs');

describe('line diff', () => {
  it('keeps common lines and marks removed and added ones', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { op: ' ', line: 'a' },
      { op: '-', line: 'b' },
      { op: '+', line: 'x' },
      { op: ' ', line: 'c' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines([], ['a'])).toEqual([{ op: '+', line: 'a' }]);
    expect(diffLines(['a'], [])).toEqual([{ op: '-', line: 'a' }]);
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('same\n', 'same\n')).toBe('');
  });

  it('shows each change in a hunk with three lines of context and line numbers', () => {
    const expected = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'].join('\n');
    const actual = expected.replace('2\n', 'two\n').replace('14\n', '');
    expect(unifiedDiff(expected, actual, { expectedName: 'snapshot', actualName: 'database' })).toBe(
      [
        '--- snapshot',
        '+++ database',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -11,5 +11,4 @@',
        ' 11',
        ' 12',
        ' 13',
        '-14',
        ' 15',
        '',
      ].join('\n'),
    );
  });

  it('diffs a new file as all added lines, with no empty line for the final newline', () => {
    expect(unifiedDiff('', 'a\nb\n', { expectedName: '/dev/null', actualName: 'new.txt' })).toBe(
      '--- /dev/null\n+++ new.txt\n@@ -1,0 +1,2 @@\n+a\n+b\n',
    );
  });

  it('joins changes whose context overlaps into one hunk', () => {
    const diff = unifiedDiff('a\nb\nc\nd\ne\n', 'A\nb\nc\nd\nE\n');
    expect(diff.match(/^@@/gm)).toHaveLength(1);
  });
});
