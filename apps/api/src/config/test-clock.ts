import { readFileSync } from 'node:fs';
import { Clock } from './clock';

/**
 * The clock of an API started by a test over HTTP (TEST_CLOCK_FILE, NODE_ENV=test only): the
 * machine's time plus the milliseconds written in the file, read at every call, so the test moves
 * time forward by writing a number and the API's deadlines, links and sessions all follow. Time
 * keeps flowing between writes, so events stay in order. A missing or empty file: no offset.
 */
export function fileOffsetClock(file: string): Clock {
  return {
    now: () => new Date(Date.now() + offsetIn(file)),
  };
}

function offsetIn(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return 0;
  }
  const offset = Number(text);
  return text !== '' && Number.isFinite(offset) ? offset : 0;
}
