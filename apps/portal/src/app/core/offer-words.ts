import { OfferPay, PayPeriod } from '@heardback/contracts';
import { formatCalendarDate } from './date-time';

/** What pay is per, after an amount: "£450 a day". Job pay ranges and offers both read this way. */
export const PAY_PER: Record<PayPeriod, string> = {
  [PayPeriod.Year]: 'a year',
  [PayPeriod.Day]: 'a day',
  [PayPeriod.Hour]: 'an hour',
};

/** An offer's pay as both the candidate and the recruiter read it: "72,000 EUR a year". */
export function payInWords(pay: OfferPay, locale?: string): string {
  return `${pay.amount.toLocaleString(locale)} ${pay.currency} ${PAY_PER[pay.period]}`;
}

/** A calendar date (YYYY-MM-DD) in words, with no time zone to shift it: "Mon, 4 Feb 2030". */
export function calendarDateInWords(date: string, locale?: string): string {
  return formatCalendarDate(date, { locale });
}
