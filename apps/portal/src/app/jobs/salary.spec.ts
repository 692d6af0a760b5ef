import { formatSalary } from './salary';

describe('formatSalary', () => {
  it('shows a range in its currency without pennies', () => {
    expect(formatSalary({ min: 55000, max: 70000, currency: 'EUR' })).toBe('€55,000 – €70,000');
  });

  it('shows one figure when the range is a single amount', () => {
    expect(formatSalary({ min: 42000, max: 42000, currency: 'GBP' })).toBe('£42,000');
  });

  it('still shows the amounts when the currency code is unknown', () => {
    expect(formatSalary({ min: 1000, max: 2000, currency: 'not-a-currency' })).toBe(
      '1,000 not-a-currency – 2,000 not-a-currency',
    );
  });
});
