import { isProfileLink, normalizePhone } from './contact-details';

describe('contact details', () => {
  it('stores a phone number typed with spaces, dashes and brackets as + and digits', () => {
    expect(normalizePhone('+44 (0)20 7946-0958')).toBe('+442079460958');
    expect(normalizePhone(' +31 6 1234 5678 ')).toBe('+31612345678');
    expect(normalizePhone('0044 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses a number without its country code, with letters, or too long to be one', () => {
    expect(normalizePhone('020 7946 0958')).toBeNull();
    expect(normalizePhone('+44 20 CALL ME')).toBeNull();
    expect(normalizePhone('+1234567890123456')).toBeNull();
    expect(normalizePhone('+0 20 7946 0958')).toBeNull();
  });

  it('accepts only https links with a host, never script or plain http', () => {
    expect(isProfileLink('https://www.linkedin.com/in/ada')).toBe(true);
    expect(isProfileLink('http://example.com')).toBe(false);
    expect(isProfileLink('javascript:alert(1)')).toBe(false);
    expect(isProfileLink('https://localhost')).toBe(false);
    expect(isProfileLink('https://user:pw@example.com')).toBe(false);
    expect(isProfileLink(`https://example.com/${'a'.repeat(600)}`)).toBe(false);
  });
});
