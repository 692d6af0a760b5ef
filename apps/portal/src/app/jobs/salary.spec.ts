import { PayPeriod } from '@heardback/contracts';
import { formatSalary } from './salary';

describe('formatSalary', () => {
  it('shows a yearly range in its currency without pennies', () => {
    expect(formatSalary({ min: 55000, max: 70000, currency: 'EUR', period: PayPeriod.Year })).toBe(
      '€55,000 – €70,000 a year',
    );
  });

  it('says a day rate is per day and an hourly rate per hour', () => {
    expect(formatSalary({ min: 450, max: 550, currency: 'GBP', period: PayPeriod.Day })).toBe('£450 – £550 a day');
    expect(formatSalary({ min: 25, max: 30, currency: 'GBP', period: PayPeriod.Hour })).toBe('£25 – £30 an hour');
  });

  it('shows one figure when the range is a single amount', () => {
    expect(formatSalary({ min: 42000, max: 42000, currency: 'GBP', period: PayPeriod.Year })).toBe('£42,000 a year');
  });

  it('shows no period for a range recorded before pay had one', () => {
    expect(formatSalary({ min: 42000, max: 50000, currency: 'GBP' })).toBe('£42,000 – £50,000');
  });

  it('still shows the amounts when the currency code is unknown', () => {
    expect(formatSalary({ min: 1000, max: 2000, currency: 'not-a-currency', period: PayPeriod.Year })).toBe(
      '1,000 not-a-currency – 2,000 not-a-currency a year',
    );
  });
});
