import { howWeDidLinks } from '../satisfaction/satisfaction-invitations';
import { candidateUpdateEmail } from './candidate-messages';
import { howWeDidEmailLines } from './satisfaction-messages';
import { TimelineEventType } from '@heardback/contracts';

describe("the closing email's questions", () => {
  const lines = howWeDidEmailLines(howWeDidLinks('https://jobs.example.test', 'tok-en_1'));

  it('offers eleven one-click scores and a yes and a no, the token only in the fragment', () => {
    const links = lines.flatMap((line) => /(https:\S+)/.exec(line)?.[1] ?? []);
    expect(links).toHaveLength(13);
    for (const link of links) expect(link).toMatch(/^https:\/\/jobs\.example\.test\/how-did-we-do#t=tok-en_1&/);
    expect(lines).toContain('0: https://jobs.example.test/how-did-we-do#t=tok-en_1&recommend=0');
    expect(lines).toContain('10: https://jobs.example.test/how-did-we-do#t=tok-en_1&recommend=10');
    expect(lines).toContain('Yes: https://jobs.example.test/how-did-we-do#t=tok-en_1&informed=yes');
    expect(lines).toContain('No: https://jobs.example.test/how-did-we-do#t=tok-en_1&informed=no');
    expect(lines).toContain('How likely are you to recommend us? (0 = not at all likely, 10 = extremely likely)');
    expect(lines).toContain('Did you feel kept informed?');
  });

  it('sits in the update email before the link to the application, and only when given', () => {
    const facts = {
      candidateName: 'Ada',
      jobTitle: 'Engineer',
      clientName: 'Acme',
      eventTexts: ['The application has been closed: thank you.'],
      nextStep: 'This application is closed; nothing more will happen on it.',
      applicationLink: 'https://jobs.example.test/me/applications/1',
      latest: TimelineEventType.Rejected,
    };
    const asked = candidateUpdateEmail({ ...facts, howWeDid: lines }).body;
    expect(asked.indexOf('Did you feel kept informed?')).toBeGreaterThan(asked.indexOf('What happens next'));
    expect(asked.indexOf('Did you feel kept informed?')).toBeLessThan(asked.indexOf('See where you stand'));
    expect(candidateUpdateEmail(facts).body).not.toContain('how-did-we-do');
  });
});
