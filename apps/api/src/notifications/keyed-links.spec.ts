import { hideLinkKeys, KEYED_LINK_PATTERN } from './keyed-links';

describe('links that work as a key', () => {
  const emailWith = (link: string) => `Hello,\n\n${link}\n\nHeardback`;

  it.each([
    [
      'a client review link',
      'https://agency.example/client-review#AbC-12_x',
      'https://agency.example/client-review#(link hidden)',
    ],
    [
      'a one-click answer, which keeps the answer it gives',
      'https://agency.example/how-did-we-do#t=AbC-12_x&recommend=8',
      'https://agency.example/how-did-we-do#t=(link hidden)&recommend=8',
    ],
    [
      'the link that makes a new account and signs in whoever opens it',
      'https://agency.example/finish-registration?token=Q9_x-Zz01',
      'https://agency.example/finish-registration?token=(link hidden)',
    ],
    [
      'an address confirmation',
      'https://agency.example/verify-email?token=w5XQ_bA2-Ye8',
      'https://agency.example/verify-email?token=(link hidden)',
    ],
    [
      'a password reset, its key escaped',
      'https://agency.example/reset-password?token=a%2Bb.c~d',
      'https://agency.example/reset-password?token=(link hidden)',
    ],
  ])('hides the key of %s and nothing else', (_kind, link, shown) => {
    expect(hideLinkKeys(emailWith(link))).toBe(emailWith(shown));
  });

  it('hides every key in an email, and leaves links that are no key alone', () => {
    const body = [
      '0: https://a.example/how-did-we-do#t=K1&recommend=0',
      'Yes: https://a.example/how-did-we-do#t=K1&informed=yes',
      'Sign in: https://a.example/sign-in',
      'Forgot it? https://a.example/forgot-password',
      'Your application: https://a.example/me/applications/5b0e?token=not-a-key-here',
    ].join('\n');
    expect(hideLinkKeys(body)).toBe(
      [
        '0: https://a.example/how-did-we-do#t=(link hidden)&recommend=0',
        'Yes: https://a.example/how-did-we-do#t=(link hidden)&informed=yes',
        'Sign in: https://a.example/sign-in',
        'Forgot it? https://a.example/forgot-password',
        'Your application: https://a.example/me/applications/5b0e?token=not-a-key-here',
      ].join('\n'),
    );
  });

  it('is one capture group followed by the key, as the sender’s SQL replacement expects', () => {
    const match = new RegExp(KEYED_LINK_PATTERN).exec('x /reset-password?token=abc y');
    expect(match?.[0]).toBe('/reset-password?token=abc');
    expect(match?.[1]).toBe('/reset-password?token=');
    expect(match).toHaveLength(2);
  });
});
