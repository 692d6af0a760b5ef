import { isOneLine } from './one-line';

describe('one line of text', () => {
  it.each(['Priya Shah', 'Zoë O’Brien-Łukasz', 'Head of Data · Platform', '李小龍'])('takes %j', (text) =>
    expect(isOneLine(text)).toBe(true),
  );

  it.each(['Evil\r\nBcc: x@evil.com', 'Two\nlines', 'Tab\tbed', 'Nul\u0000', 'Bell\u0007', 'Next\u0085line'])(
    'refuses %j',
    (text) => expect(isOneLine(text)).toBe(false),
  );
});
