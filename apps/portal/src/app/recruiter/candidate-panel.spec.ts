import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationView } from '@heardback/contracts';
import { aDocument, anApplication } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { CandidatePanel } from './candidate-panel';

describe('CandidatePanel', () => {
  let fixture: ComponentFixture<CandidatePanel>;

  async function render(application: ApplicationView) {
    setUpPortalTest();
    fixture = TestBed.createComponent(CandidatePanel);
    fixture.componentRef.setInput('application', application);
    await fixture.whenStable();
  }

  const view = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const fact = (term: string) =>
    Array.from(view().querySelectorAll('.candidate__fact'))
      .find((row) => text(row.querySelector('dt')) === term)
      ?.querySelector('dd') ?? null;

  it('shows how to reach the candidate, each as a link that does it', async () => {
    await render(anApplication());
    expect(fact('Email')?.querySelector('a')?.getAttribute('href')).toBe('mailto:ana.silva@example.test');
    expect(fact('Phone')?.querySelector('a')?.getAttribute('href')).toBe('tel:+447700900123');
    expect(text(fact('Phone'))).toBe('+447700900123');
    expect(text(fact('Location'))).toBe('Lisbon, Portugal');
    expect(text(fact('Time zone'))).toBe('Europe/Lisbon');
    const link = fact('Link')?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.linkedin.com/in/ana-silva');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('offers the CV to download, and the cover letter as the words the candidate typed', async () => {
    await render(
      anApplication({
        documents: { cv: aDocument(), coverLetter: null, coverLetterText: 'I would love to build\nyour platform.' },
      }),
    );
    const cv = fact('CV')?.querySelector('a');
    expect(cv?.getAttribute('href')).toBe('/api/documents/doc-1');
    expect(cv?.hasAttribute('download')).toBe(true);
    expect(text(fact('CV'))).toMatch(/^Ana Silva CV.pdf \(download\) ?240 kB, uploaded /);
    expect(fact('Cover letter')?.querySelector('blockquote')?.textContent).toBe(
      'I would love to build\nyour platform.',
    );
  });

  it('says plainly what the candidate did not give', async () => {
    await render(
      anApplication({
        candidateDetails: { email: 'a@example.test', phone: null, location: null, timeZone: null, profileLink: null },
        documents: { cv: null, coverLetter: null, coverLetterText: null },
      }),
    );
    expect(['Phone', 'Location', 'Time zone', 'Link'].map((term) => text(fact(term)))).toEqual([
      'Not given',
      'Not given',
      'Not given',
      'Not given',
    ]);
    expect(text(fact('CV'))).toBe('No CV sent');
    expect(text(fact('Cover letter'))).toBe('No cover letter sent');
  });
});
