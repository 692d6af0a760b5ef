import { passwordProblems, passwordProblemTexts } from './password-policy';

describe('the password rule', () => {
  it('accepts a few unrelated words of twelve characters or more', () => {
    expect(passwordProblems('quiet harbour lantern')).toEqual([]);
    expect(passwordProblems('e2e-password-123')).toEqual([]);
  });

  it('refuses anything shorter than twelve characters', () => {
    expect(passwordProblems('short pass1')).toEqual(['too_short']);
  });

  it('refuses one character repeated, ten spaces or twelve', () => {
    expect(passwordProblems(' '.repeat(12))).toEqual(['one_character']);
    expect(passwordProblems('a'.repeat(20))).toEqual(['one_character']);
  });

  it('refuses the most common passwords, whatever their case and separators', () => {
    expect(passwordProblems('123456789012')).toEqual(['common']);
    expect(passwordProblems('Password-1234')).toEqual(['common']);
    expect(passwordProblems('QWERTYUIOP123')).toEqual(['common']);
    expect(passwordProblems('dragon12345678')).toEqual(['common']);
    expect(passwordProblems('abcabcabcabc')).toEqual(['common']);
  });

  it('refuses the demo password and passwords built from the product name', () => {
    expect(passwordProblems('heardback-demo')).toEqual(['common']);
    expect(passwordProblems('my heardback account')).toEqual(['contains_product']);
  });

  it("refuses a password built from the account's email address", () => {
    expect(passwordProblems('jordan.smith 2026!', { email: 'jordan.smith@example.com' })).toEqual(['contains_email']);
    expect(passwordProblems('quiet harbour lantern', { email: 'jordan.smith@example.com' })).toEqual([]);
  });

  it('says what was wrong and what to do', () => {
    expect(passwordProblemTexts('123456789012')[0]).toMatch(/common.*try a few unrelated words/);
  });
});
