import { SalaryRangeRequest } from '@heardback/contracts';
import { numberFormat } from '../core/intl-formatters';
import { PAY_PER } from '../core/offer-words';

/**
 * A job's pay everywhere it is shown: "€55,000 – €70,000 a year", "£450 – £550 a day", or one figure
 * when the range is a single amount. Audit entries written before pay had a period show no period.
 */
export function formatSalary({ min, max, currency, period }: SalaryRangeRequest, locale = 'en'): string {
  let format: (amount: number) => string;
  try {
    const formatter = numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    format = (amount) => formatter.format(amount);
  } catch {
    // An unknown currency code must not break the whole list.
    format = (amount) => `${amount.toLocaleString(locale)} ${currency}`;
  }
  const amounts = min === max ? format(min) : `${format(min)} – ${format(max)}`;
  return period ? `${amounts} ${PAY_PER[period]}` : amounts;
}
