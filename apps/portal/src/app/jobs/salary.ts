import { SalaryRange } from '@heardback/contracts';

/** "€55,000 – €70,000", or one figure when the range is a single amount. */
export function formatSalary({ min, max, currency }: SalaryRange, locale = 'en'): string {
  let format: (amount: number) => string;
  try {
    const formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
    format = (amount) => formatter.format(amount);
  } catch {
    // An unknown currency code must not break the whole list.
    format = (amount) => `${amount.toLocaleString(locale)} ${currency}`;
  }
  return min === max ? format(min) : `${format(min)} – ${format(max)}`;
}
