import { OfferPay, PayPeriod } from '@heardback/contracts';

const PER: Record<PayPeriod, string> = {
  [PayPeriod.Year]: 'a year',
  [PayPeriod.Day]: 'a day',
  [PayPeriod.Hour]: 'an hour',
};

/** An offer's pay as both the candidate and the recruiter read it: "72,000 EUR a year". */
export function payInWords(pay: OfferPay, locale?: string): string {
  return `${pay.amount.toLocaleString(locale)} ${pay.currency} ${PER[pay.period]}`;
}

/** A calendar date (YYYY-MM-DD) in words, with no time zone to shift it: "Monday 4 February 2030". */
export function calendarDateInWords(date: string, locale?: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
