import { TestBed } from '@angular/core/testing';
import { ScreeningAnswers } from './screening-answers';
import { setUpPortalTest } from '../testing/setup';

describe('ScreeningAnswers', () => {
  beforeEach(() => setUpPortalTest());

  async function render(answers: { prompt: string; answer: string }[]) {
    const fixture = TestBed.createComponent(ScreeningAnswers);
    fixture.componentRef.setInput('answers', answers);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows each answer under the question as it was asked', async () => {
    const root = await render([
      { prompt: 'What is your notice period?', answer: 'One month' },
      { prompt: 'Do you have the right to work in the UK?', answer: 'Yes' },
    ]);
    expect(root.querySelector('h2')?.textContent).toBe("Answers to the job's questions");
    const terms = Array.from(root.querySelectorAll('dt')).map((dt) => dt.textContent?.trim());
    const answers = Array.from(root.querySelectorAll('dd')).map((dd) => dd.textContent?.trim());
    expect(terms).toEqual(['What is your notice period?', 'Do you have the right to work in the UK?']);
    expect(answers).toEqual(['One month', 'Yes']);
  });

  it('says so when there are no answers', async () => {
    const root = await render([]);
    expect(root.textContent).toContain('No answers: the job asked no questions when they applied');
  });
});
