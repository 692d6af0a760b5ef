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

/**
 * The queues' status line: "50 of 226,738 open applications shown" while pages remain, "3 open
 * applications" once all are: the true total in words, never the page's length presented as the total.
 */
export function shownSoFar(shown: number, total: number, noun: string, plural = `${noun}s`): string {
  const of = (n: number) => `${count(n)} ${n === 1 ? noun : plural}`;
  return shown >= total ? of(total) : `${count(shown)} of ${of(total)} shown`;
}
