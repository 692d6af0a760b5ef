import { CdkDragDrop } from '@angular/cdk/drag-drop';
import { CdkDropList } from '@angular/cdk/drag-drop';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { PipelineEditor } from './pipeline-editor';
import { PipelineControl, pipelineControl } from './pipeline-rules';

describe('PipelineEditor', () => {
  let fixture: ComponentFixture<PipelineEditor>;
  let pipeline: PipelineControl;

  beforeEach(async () => {
    pipeline = pipelineControl(['Phone screen', 'Technical', 'Final']);
    fixture = TestBed.createComponent(PipelineEditor);
    fixture.componentRef.setInput('pipeline', pipeline);
    await fixture.whenStable();
  });

  const view = () => fixture.nativeElement as HTMLElement;
  const names = () => Array.from(view().querySelectorAll<HTMLInputElement>('li input')).map((input) => input.value);
  const labels = () => Array.from(view().querySelectorAll('li label')).map((label) => label.textContent?.trim());
  const announcement = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === name,
    ) as HTMLButtonElement;
  const problem = () => view().querySelector('#pipeline-error')?.textContent?.trim();

  async function press(name: string) {
    const target = button(name);
    if (!target) throw new Error(`No button “${name}”`);
    target.click();
    await fixture.whenStable();
  }

  it('labels every stage by its position', () => {
    expect(labels()).toEqual(['Stage 1', 'Stage 2', 'Stage 3']);
    expect(names()).toEqual(['Phone screen', 'Technical', 'Final']);
  });

  it('moves a stage up with its button, announces it, and keeps focus on that button', async () => {
    await press('↑Move “Final” up');

    expect(pipeline.value).toEqual(['Phone screen', 'Final', 'Technical']);
    expect(names()).toEqual(['Phone screen', 'Final', 'Technical']);
    expect(announcement()).toBe('“Final” moved to position 2 of 3.');
    expect(document.activeElement?.id).toBe('pipeline-stage-1-up');
  });

  it('moves a stage down, and does nothing past the ends', async () => {
    await press('↓Move “Phone screen” down');
    expect(pipeline.value).toEqual(['Technical', 'Phone screen', 'Final']);

    await press('↓Move “Final” down');
    expect(pipeline.value).toEqual(['Technical', 'Phone screen', 'Final']);
    expect(button('↓Move “Final” down').getAttribute('aria-disabled')).toBe('true');
  });

  it('adds an empty stage at the end and puts the cursor in it', async () => {
    await press('Add a stage');

    expect(pipeline.length).toBe(4);
    expect(document.activeElement?.id).toBe('pipeline-stage-3');
    expect(announcement()).toBe('Stage 4 added. Type its name.');
  });

  it('renames a stage by typing in its box', async () => {
    const input = view().querySelector('#pipeline-stage-1') as HTMLInputElement;
    input.value = 'Coding exercise';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(pipeline.value).toEqual(['Phone screen', 'Coding exercise', 'Final']);
  });

  it('removes a stage, but never the last one', async () => {
    await press('✕Remove “Technical”');
    expect(pipeline.value).toEqual(['Phone screen', 'Final']);
    expect(announcement()).toBe('“Technical” removed. 2 stages left.');

    await press('✕Remove “Final”');
    await press('✕Remove “Phone screen”');
    expect(pipeline.value).toEqual(['Phone screen']);
  });

  it('reorders when a stage is dropped in a new place', async () => {
    const list = fixture.debugElement.query(By.directive(CdkDropList));
    list.triggerEventHandler('cdkDropListDropped', {
      previousIndex: 0,
      currentIndex: 2,
    } as CdkDragDrop<unknown>);
    await fixture.whenStable();

    expect(pipeline.value).toEqual(['Technical', 'Final', 'Phone screen']);
    expect(announcement()).toBe('“Phone screen” moved to position 3 of 3.');
  });

  it('says when two stages have the same name, as the API would refuse it', async () => {
    const input = view().querySelector('#pipeline-stage-2') as HTMLInputElement;
    input.value = ' technical ';
    input.dispatchEvent(new Event('input'));
    pipeline.markAsTouched();
    await fixture.whenStable();
    fixture.componentRef.setInput('showAllErrors', true);
    await fixture.whenStable();

    expect(pipeline.invalid).toBe(true);
    expect(problem()).toBe('“technical” appears more than once: give each stage its own name.');
  });

  it('asks for a name for an empty stage', async () => {
    await press('Add a stage');
    fixture.componentRef.setInput('showAllErrors', true);
    await fixture.whenStable();
    expect(view().querySelector('#pipeline-stage-3-error')?.textContent?.trim()).toBe(
      'Give stage 4 a name, or remove it.',
    );
  });

  it('allows at most twelve stages', async () => {
    for (let i = 0; i < 12; i++) {
      await press('Add a stage');
    }
    expect(pipeline.length).toBe(12);
    expect(button('Add a stage').getAttribute('aria-disabled')).toBe('true');
  });

  it('shows the API’s reason for refusing the pipeline', async () => {
    fixture.componentRef.setInput('serverError', 'Stage 2 is longer than 80 characters.');
    await fixture.whenStable();
    expect(problem()).toBe('Stage 2 is longer than 80 characters.');
  });
});
