import { isTimeZone, viewerTimeZone } from './time-zones';

describe('time zones', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(`Europe/${'x'.repeat(80)}`)).toBe(false);
  });

  it('uses the person’s own zone, else the fallback', () => {
    expect(viewerTimeZone('Asia/Tokyo', 'Europe/London')).toBe('Asia/Tokyo');
    expect(viewerTimeZone(null, 'Europe/London')).toBe('Europe/London');
    expect(viewerTimeZone('Nowhere/Land', 'Europe/London')).toBe('Europe/London');
  });
});
