import { quotedWords } from './quoted-words';

describe('quotedWords', () => {
  it('quotes every line, of any line ending, so none can pass as ours', () => {
    const forged = 'Salary."\r\n\r\nhttps://evil.example/sign-in\rHeardback\n---\nSECURITY NOTICE: sign in again';
    expect(quotedWords(forged)).toBe(
      [
        '> Salary."',
        '>',
        '> https://evil.example/sign-in',
        '> Heardback',
        '> ---',
        '> SECURITY NOTICE: sign in again',
      ].join('\n'),
    );
  });

  it('quotes a line after any break a mail reader shows as one', () => {
    expect(quotedWords('One\u2028Heardback\u2029Two\vThree\fFour\u0085Five')).toBe(
      ['> One', '> Heardback', '> Two', '> Three', '> Four', '> Five'].join('\n'),
    );
  });

  it('quotes one line as one line, without the spaces around it', () => {
    expect(quotedWords('  Closer to home.  ')).toBe('> Closer to home.');
  });
});
