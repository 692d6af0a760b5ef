import { trimTyped } from './typed-text';

describe('typed text', () => {
  it('drops spaces and invisible characters at both ends', () => {
    expect(trimTyped('  Thank you.\n')).toBe('Thank you.');
    expect(trimTyped('\u200bThank you.\u200b\ufeff')).toBe('Thank you.');
    expect(trimTyped('\u200e\u00a0Merci\u2060 ')).toBe('Merci');
  });

  it('leaves nothing of a text that shows nothing', () => {
    for (const invisible of ['\u200b', '\u200b \u200c\u200d', '\ufeff', '\u2060\u00a0\u3000', '   ']) {
      expect(trimTyped(invisible)).toBe('');
    }
  });

  it('keeps a flag drawn with tag characters at the end, and marks that show', () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(trimTyped(`Welcome aboard ${scotland}`)).toBe(`Welcome aboard ${scotland}`);
    expect(trimTyped('\u0600\u0661')).toBe('\u0600\u0661');
  });

  it('keeps what is inside, the joiners of an emoji included', () => {
    expect(trimTyped('👩‍💻 We loved your answers')).toBe('👩‍💻 We loved your answers');
    expect(trimTyped('one\u200btwo')).toBe('one\u200btwo');
    expect(trimTyped('𠀀 rare')).toBe('𠀀 rare');
  });
});
