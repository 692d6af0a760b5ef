/**
 * How much of a paged list is shown, in words: "1 job", "12 jobs" when all are shown, "50 of
 * 1,234 jobs" while more can be loaded, `none` when there are none. The total is the API's.
 */
export function shownOfTotal(shown: number, total: number, noun: string, none: string, plural = `${noun}s`): string {
  if (total === 0) return none;
  const words = total === 1 ? noun : plural;
  return shown >= total ? `${count(total)} ${words}` : `${count(shown)} of ${count(total)} ${words}`;
}

function count(value: number): string {
  return value.toLocaleString('en-GB');
}
