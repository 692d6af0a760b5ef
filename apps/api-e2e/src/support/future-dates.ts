/**
 * "The future" for fixtures that need an interview or a start date still ahead, without a test that
 * starts failing on the day the date passes. Fixtures are written for 2030 ("Thursday, 10 January
 * 2030", `2030-01-10T10:00:00.000Z`, `DTSTART:20300110T…`) and read through `future()`, which moves
 * them to the first year after the current one with the same calendar as 2030: the same weekday on
 * 1 January and no 29 February, so every date keeps its weekday. Until 2030 that is 2030 itself; from
 * 2030 on, 2041, and so on. Zone rules beyond the time-zone database's last change are projected
 * forward, so offsets in those years are the ones written.
 */
const WRITTEN_FOR = 2030;

function sameCalendar(a: number, b: number): boolean {
  const weekdayOfNewYear = (year: number) => new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year: number) => new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return weekdayOfNewYear(a) === weekdayOfNewYear(b) && leap(a) === leap(b);
}

export function futureYearLike(written: number, now: Date): number {
  let year = now.getUTCFullYear() + 1;
  while (!sameCalendar(year, written)) year += 1;
  return year;
}

/** E2E_FUTURE_YEAR tries the fixtures in a later year like 2030 today (2041, 2047…), as ADR 0060 did. */
function chosenYear(env: string | undefined): number {
  if (env === undefined || env === '') return futureYearLike(WRITTEN_FOR, new Date());
  const year = Number(env);
  if (!Number.isInteger(year) || !sameCalendar(year, WRITTEN_FOR)) {
    throw new Error(`E2E_FUTURE_YEAR=${env}: must be a year with 2030's calendar (2041, 2047, 2058…)`);
  }
  return year;
}

export const FUTURE_YEAR = chosenYear(process.env['E2E_FUTURE_YEAR']);

/** A fixture written for 2030, in FUTURE_YEAR: the year alone, or in a compact date (`20300110T…`). */
export function future(text: string): string {
  return text.replace(/(?<!\d)2030(?=\d{4}T|(?!\d))/g, String(FUTURE_YEAR));
}
