import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileOffsetClock } from './test-clock';

describe("a test's movable clock", () => {
  const file = join(mkdtempSync(join(tmpdir(), 'test-clock-')), 'offset');

  it('reads the real time until the test writes an offset, then runs that far ahead', () => {
    const clock = fileOffsetClock(file);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    writeFileSync(file, String(3 * 86_400_000));
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 1_000);
  });

  it('ignores what is not a number', () => {
    writeFileSync(file, 'tomorrow');
    expect(Math.abs(fileOffsetClock(file).now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
