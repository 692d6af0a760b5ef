import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, SATISFACTION_WORDS_MAX_LENGTH } from '@heardback/contracts';
import { apiErrorBody } from '../testing/factories';
import { aSatisfactionAnswer, aSatisfactionView } from '../testing/satisfaction-factories';
import { setUpPortalTest } from '../testing/setup';
import { HowDidWeDoPage, readHowWeDidLink } from './how-did-we-do-page';

describe('readHowWeDidLink', () => {
  it('reads the token and the clicked score or yes/no from the fragment', () => {
    expect(readHowWeDidLink('#t=abc_-1&recommend=8')).toEqual({ token: 'abc_-1', clicked: { recommendScore: 8 } });
    expect(readHowWeDidLink('#t=abc&recommend=0')).toEqual({ token: 'abc', clicked: { recommendScore: 0 } });
    expect(readHowWeDidLink('#t=abc&informed=no')).toEqual({ token: 'abc', clicked: { keptInformed: false } });
    expect(readHowWeDidLink('#t=abc&informed=yes')).toEqual({ token: 'abc', clicked: { keptInformed: true } });
  });

  it('ignores an answer it does not understand, and needs a token', () => {
    expect(readHowWeDidLink('#t=abc&recommend=11')).toEqual({ token: 'abc', clicked: null });
    expect(readHowWeDidLink('#t=abc&recommend=eight')).toEqual({ token: 'abc', clicked: null });
    expect(readHowWeDidLink('#recommend=8')).toBeNull();
    expect(readHowWeDidLink('')).toBeNull();
  });
});

describe('HowDidWeDoPage', () => {
  let fixture: ComponentFixture<HowDidWeDoPage>;
  let http: HttpTestingController;

  /** Opens the page as the email's link does: the token and the click in the fragment. */
  async function openAt(address: string) {
    window.history.replaceState(null, '', address);
    http = setUpPortalTest();
    fixture = TestBed.createComponent(HowDidWeDoPage);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    window.history.replaceState(null, '', '/');
  });

  const view = () => fixture.nativeElement as HTMLElement;
  const text = () => view().textContent?.replace(/\s+/g, ' ') ?? '';
  const radio = (name: string) =>
    Array.from(view().querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
      (input) => input.closest('label')?.textContent?.replace(/\s+/g, ' ').trim().endsWith(name) ?? false,
    );
  const settle = () => fixture.whenStable();

  it('records the clicked score at once, takes the token out of the address bar, then sends words with both answers', async () => {
    await openAt('/how-did-we-do#t=tok-1&recommend=8');
    expect(window.location.href).not.toContain('tok-1');
    expect(window.location.pathname).toBe('/how-did-we-do');

    const click = http.expectOne({ method: 'POST', url: '/api/satisfaction/answer' });
    expect(click.request.body).toEqual({ token: 'tok-1', recommendScore: 8 });
    click.flush(aSatisfactionView({ answer: aSatisfactionAnswer({ recommendScore: 8 }) }));
    await settle();

    expect(text()).toContain('Your application for Backend Engineer at Northwind has closed.');
    expect(text()).toContain('Thank you: your answer is saved.');
    expect(radio('8')?.checked).toBe(true);
    radio('No')?.click();
    const words = view().querySelector('textarea') as HTMLTextAreaElement;
    words.value = '  Two weeks of silence.  ';
    words.dispatchEvent(new Event('input'));
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();

    const sent = http.expectOne({ method: 'POST', url: '/api/satisfaction/answer' });
    expect(sent.request.body).toEqual({
      token: 'tok-1',
      recommendScore: 8,
      keptInformed: false,
      words: 'Two weeks of silence.',
    });
    sent.flush(
      aSatisfactionView({ answer: aSatisfactionAnswer({ keptInformed: false, words: 'Two weeks of silence.' }) }),
    );
    await settle();
    expect(text()).toContain('Thank you. Your answer helps us keep every candidate informed.');
    expect(view().querySelector('form')).toBeNull();
    expect(document.activeElement?.classList.contains('how-page__thanks')).toBe(true);
  });

  it('labels the scale as a radio group from "0 — not at all likely" to "10 — extremely likely"', async () => {
    await openAt('/how-did-we-do#t=tok-1&informed=yes');
    http
      .expectOne('/api/satisfaction/answer')
      .flush(aSatisfactionView({ answer: aSatisfactionAnswer({ recommendScore: null, keptInformed: true }) }));
    await settle();

    const groups = Array.from(view().querySelectorAll('fieldset[role="radiogroup"]'));
    expect(groups.map((group) => group.querySelector('legend')?.textContent?.trim())).toEqual([
      'How likely are you to recommend us?',
      'Did you feel kept informed?',
    ]);
    const names = Array.from(groups[0].querySelectorAll('label'), (label) =>
      label.querySelector('.visually-hidden')?.textContent?.trim(),
    );
    expect(names).toEqual([
      '0 — not at all likely',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10 — extremely likely',
    ]);
    expect(new Set(Array.from(groups[0].querySelectorAll('input'), (input) => input.name)).size).toBe(1);
    expect(radio('Yes')?.checked).toBe(true);
    expect(groups[0].querySelector('input:checked')).toBeNull();
  });

  it('says plainly when the link is not one we sent, and asks nothing', async () => {
    await openAt('/how-did-we-do#t=nope&recommend=3');
    http
      .expectOne('/api/satisfaction/answer')
      .flush(...apiErrorBody(404, ErrorCode.NotFound, 'This link is not one we sent.'));
    await settle();
    expect(text()).toContain('This link is not one we sent.');
    expect(view().querySelector('form')).toBeNull();
  });

  it('opened without a link, explains where it opens from and sends nothing', async () => {
    await openAt('/how-did-we-do');
    expect(text()).toContain('This page opens from the links in the email');
  });

  it('asks for an answer before sending, and puts the API’s problem with the words at their field', async () => {
    await openAt('/how-did-we-do#t=tok-2');
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    expect(text()).toContain('Choose how likely you are to recommend us, or whether you felt kept informed.');
    expect(document.activeElement).toBe(view().querySelector('input[type="radio"][value="0"]'));

    radio('4')?.click();
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne('/api/satisfaction/answer')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'words: too long', [
          { field: 'words', reasons: [`must be at most ${SATISFACTION_WORDS_MAX_LENGTH} characters`] },
        ]),
      );
    await settle();
    expect(text()).toContain(`Your words must be at most ${SATISFACTION_WORDS_MAX_LENGTH} characters.`);
    expect(view().querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
  });
});
