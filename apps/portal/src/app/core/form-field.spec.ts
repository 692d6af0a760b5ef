import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ChoiceField } from './choice-field';
import { FORM_FIELD } from './form-field';

@Component({
  imports: [FORM_FIELD, ChoiceField, ReactiveFormsModule],
  template: `
    <hb-field label="Message" hint="The candidate reads it." [countUpTo]="10" [problem]="problem()">
      <textarea hbControl [formControl]="message"></textarea>
    </hb-field>
    <hb-field label="Client" fieldId="client">
      <span hbHint>Not listed? <a href="/clients">Add it</a>.</span>
      <select hbControl></select>
    </hb-field>
    <hb-field label="Notes" describedBy="banner" [invalid]="groupInvalid()">
      <input hbControl />
    </hb-field>
    <hb-choice-field legend="Outcome" [choices]="choices" [control]="outcome" [problem]="problem()" />
    <hb-choice-field legend="Rating" [choices]="choices" [control]="rating" />
    <hb-field label="Cover letter" fieldId="letter" [countUpTo]="20">
      <textarea hbControl [value]="letter()" (input)="onLetter($event)"></textarea>
    </hb-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Fields {
  readonly problem = signal('');
  readonly message = new FormControl('Hi!', { nonNullable: true });
  readonly groupInvalid = signal(false);
  readonly choices = [
    { value: 'filled', label: 'Filled', hint: 'Someone was hired.' },
    { value: 'closed', label: 'Closed', hint: 'Nobody will be.' },
  ];
  readonly outcome = new FormControl('');
  readonly rating = new FormControl('');
  readonly letter = signal('Dear team');
  onLetter(event: Event): void {
    this.letter.set((event.target as HTMLTextAreaElement).value);
  }
}

describe('hb-field and hb-choice-field', () => {
  async function render() {
    const fixture = TestBed.createComponent(Fields);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const control = (selector: string) => root.querySelector(selector) as HTMLElement;
    return { fixture, root, control };
  }

  it('labels each control with an id of its own, and describes it by the hint and count that are shown', async () => {
    const { root, control } = await render();
    const message = control('textarea');
    const id = message.id;

    expect(root.querySelector(`label[for="${id}"]`)?.textContent?.trim()).toBe('Message');
    expect(message.getAttribute('aria-describedby')).toBe(`${id}-hint ${id}-count`);
    expect(root.querySelector(`#${id}-hint`)?.textContent).toBe('The candidate reads it.');
    expect(root.querySelector(`#${id}-count`)?.textContent?.trim()).toBe('3 of 10 characters');
    expect(message.getAttribute('aria-invalid')).toBe('false');
    expect(control('input').id).not.toBe(id);
    expect(control('input').id).toMatch(/^field-\d+$/);
  });

  it('counts a control bound by hand as it is typed in, and when its value is set without typing', async () => {
    const { fixture, root } = await render();
    const letter = root.querySelector('#letter') as HTMLTextAreaElement;
    const count = () => root.querySelector('#letter-count')?.textContent?.trim();
    expect(count()).toBe('9 of 20 characters');

    letter.value = 'Dear team, hello';
    letter.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(count()).toBe('16 of 20 characters');

    fixture.componentInstance.letter.set('');
    await fixture.whenStable();
    expect(count()).toBe('0 of 20 characters');
  });

  it('adds the problem under the control, to its description, and marks it invalid, until it is fixed', async () => {
    const { fixture, root, control } = await render();
    const message = control('textarea');

    fixture.componentInstance.problem.set('Write the message.');
    await fixture.whenStable();
    expect(message.getAttribute('aria-invalid')).toBe('true');
    expect(message.getAttribute('aria-describedby')).toBe(`${message.id}-hint ${message.id}-count ${message.id}-error`);
    expect(root.querySelector(`#${message.id}-error`)?.textContent).toBe('Write the message.');

    fixture.componentInstance.problem.set('');
    await fixture.whenStable();
    expect(message.getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector(`#${message.id}-error`)).toBeNull();
  });

  it('counts the characters as the form control holds them, and marks the count when it is over the limit', async () => {
    const { fixture, control } = await render();
    const count = () => control(`#${control('textarea').id}-count`);
    fixture.componentInstance.message.setValue('Eleven long');
    await fixture.whenStable();
    expect(count().textContent?.trim()).toBe('11 of 10 characters');
    expect(count().classList).toContain('field__count--over');

    fixture.componentInstance.message.reset();
    await fixture.whenStable();
    expect(count().textContent?.trim()).toBe('3 of 10 characters');
    expect(count().classList).not.toContain('field__count--over');
  });

  it('takes a given id, and a hint with a link, and describes the control by it', async () => {
    const { root, control } = await render();
    expect(control('select').id).toBe('client');
    expect(control('select').getAttribute('aria-describedby')).toBe('client-hint');
    expect(root.querySelector('#client-hint a')?.textContent).toBe('Add it');
  });

  it('reads other describing elements first, and can be marked invalid for a problem shown elsewhere', async () => {
    const { fixture, control } = await render();
    const notes = control('input');
    expect(notes.getAttribute('aria-describedby')).toBe('banner');

    fixture.componentInstance.groupInvalid.set(true);
    await fixture.whenStable();
    expect(notes.getAttribute('aria-invalid')).toBe('true');
  });

  it('groups each choice field’s radios on their own, and describes the group by its problem', async () => {
    const { fixture, root } = await render();
    const [outcome, rating] = Array.from(root.querySelectorAll('fieldset'));
    const radios = (group: Element) => Array.from(group.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(new Set(radios(outcome).map((radio) => radio.name)).size).toBe(1);
    expect(radios(outcome)[0].name).not.toBe(radios(rating)[0].name);
    expect(outcome.querySelector('legend')?.textContent).toBe('Outcome');

    radios(outcome)[1].click();
    expect(fixture.componentInstance.outcome.value).toBe('closed');
    expect(fixture.componentInstance.rating.value).toBe('');

    fixture.componentInstance.problem.set('Choose how it ended.');
    await fixture.whenStable();
    const errorId = outcome.getAttribute('aria-describedby') ?? '';
    expect(root.querySelector(`#${errorId}`)?.textContent).toBe('Choose how it ended.');
    expect(radios(outcome).every((radio) => radio.getAttribute('aria-invalid') === 'true')).toBe(true);
    expect(rating.getAttribute('aria-describedby')).toBeNull();
  });
});
