import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { UserRole, UserView } from '@heardback/contracts';
import { setUpPortalTest } from '../testing/setup';
import { KeepDraft } from './keep-draft';
import { DRAFT_KEPT_WORDS, KeptDrafts } from './kept-drafts';
import { SessionStore } from './session';

@Component({
  selector: 'hb-draft-host',
  imports: [KeepDraft],
  template: `
    <form hbKeepDraft="note">
      <label><input type="radio" name="kind" value="offer" (change)="kind.set('offer')" /> Offer</label>
      <label><input type="radio" name="kind" value="other" (change)="kind.set('other')" /> Other</label>
      <textarea id="note-text" [value]="text()" (input)="text.set($any($event.target).value)"></textarea>
      <input id="note-password" type="password" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class DraftHost {
  readonly text = signal('');
  readonly kind = signal('');
}

const priya: UserView = {
  id: 'u1',
  email: 'priya@example.com',
  fullName: 'Priya Shah',
  role: UserRole.Candidate,
  emailVerified: true,
  timeZone: null,
};

async function render() {
  const fixture = TestBed.createComponent(DraftHost);
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  return fixture;
}

function typeInto(fixture: { nativeElement: HTMLElement }, selector: string, value: string): void {
  const field = fixture.nativeElement.querySelector<HTMLInputElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

describe('KeepDraft', () => {
  beforeEach(() => {
    sessionStorage.clear();
    setUpPortalTest();
    TestBed.inject(SessionStore).update(priya);
  });

  it('gives the words and the choice back to the same person after their session ended, and says so', async () => {
    const before = await render();
    before.nativeElement.querySelector('input[value="other"]').click();
    typeInto(before, '#note-text', 'I am free from Monday.');
    typeInto(before, '#note-password', 'secret-password-1');
    TestBed.inject(KeptDrafts).keepAll('u1');
    before.destroy();

    const after = await render();

    expect(after.componentInstance.text()).toBe('I am free from Monday.');
    expect(after.componentInstance.kind()).toBe('other');
    expect(after.nativeElement.querySelector('#note-password').value).toBe('');
    expect(after.nativeElement.querySelector('[role="status"]')?.textContent).toBe(DRAFT_KEPT_WORDS);
    expect(JSON.stringify(sessionStorage)).not.toContain('secret-password-1');
  });

  it('stops saying the words were kept once they are sent again, on a form that stays on the page', async () => {
    const before = await render();
    typeInto(before, '#note-text', 'I am free from Monday.');
    TestBed.inject(KeptDrafts).keepAll('u1');
    before.destroy();
    const after = await render();
    const form = after.nativeElement.querySelector('form') as HTMLFormElement;
    expect(form.querySelector('[role="status"]')?.textContent).toBe(DRAFT_KEPT_WORDS);

    form.dispatchEvent(new Event('submit', { cancelable: true }));

    expect(form.querySelector('[role="status"]')).toBeNull();
  });

  it('gives a draft back once only', async () => {
    const before = await render();
    typeInto(before, '#note-text', 'Once.');
    TestBed.inject(KeptDrafts).keepAll('u1');
    before.destroy();
    (await render()).destroy();

    const again = await render();

    expect(again.componentInstance.text()).toBe('');
    expect(again.nativeElement.querySelector('[role="status"]')).toBeNull();
  });

  it('never shows one person’s draft to someone else signing in on the same tab', async () => {
    const before = await render();
    typeInto(before, '#note-text', 'Private words.');
    TestBed.inject(KeptDrafts).keepAll('someone-else');
    before.destroy();

    const after = await render();

    expect(after.componentInstance.text()).toBe('');
  });

  it('keeps nothing from an empty form', async () => {
    await render();
    TestBed.inject(KeptDrafts).keepAll('u1');

    expect(sessionStorage.length).toBe(0);
  });
});
