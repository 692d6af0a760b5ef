import { greeting } from './greeting';

describe('greeting', () => {
  it('greets a person by first name, as a person writes', () => {
    expect(greeting('Priya Shah')).toBe('Hello Priya,');
    expect(greeting('  Ana  de la Cruz ')).toBe('Hello Ana,');
  });

  it('says just hello when there is no name', () => {
    expect(greeting('')).toBe('Hello,');
  });
});
