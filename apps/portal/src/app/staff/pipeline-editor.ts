import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { PIPELINE_MAX_STAGES, STAGE_NAME_MAX_LENGTH } from '@heardback/contracts';
import { PipelineControl, moveStage, stageControl } from './pipeline-rules';
import { focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';

/**
 * Edits a job's interview stages: add, rename, remove, and reorder them by dragging or with
 * the Move up / Move down buttons (the keyboard way). Each change is announced.
 */
@Component({
  selector: 'hb-pipeline-editor',
  imports: [ReactiveFormsModule, CdkDropList, CdkDrag, CdkDragHandle, FORM_FIELD],
  templateUrl: './pipeline-editor.html',
  styleUrl: './pipeline-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineEditor {
  private readonly focus = focusLater();

  readonly pipeline = input.required<PipelineControl>();
  /** Show every problem, not only those of fields already visited (after a submit). */
  readonly showAllErrors = input(false);
  /** The API's reason when it refused the pipeline. */
  readonly serverError = input('');
  /** A closed job's stages are shown, not edited: no buttons, no dragging. */
  readonly disabled = input(false);

  protected readonly maxStages = PIPELINE_MAX_STAGES;
  protected readonly maxLength = STAGE_NAME_MAX_LENGTH;
  protected readonly announcement = signal('');
  /** Bumped on every structural change, so the OnPush view redraws the list. */
  protected readonly revision = signal(0);

  protected readonly controls = computed(() => {
    this.revision();
    return [...this.pipeline().controls];
  });

  protected nameOf(index: number): string {
    const name = this.pipeline().at(index)?.value.trim();
    return name ? `“${name}”` : `stage ${index + 1}`;
  }

  protected stageProblem(index: number): string {
    const control = this.pipeline().at(index);
    if (!(control.invalid && (control.touched || this.showAllErrors()))) {
      return '';
    }
    return control.hasError('maxlength')
      ? `Keep the name to ${this.maxLength} characters or fewer.`
      : `Give stage ${index + 1} a name, or remove it.`;
  }

  protected listProblem(): string {
    const pipeline = this.pipeline();
    if (this.serverError()) {
      return this.serverError();
    }
    if (!(pipeline.touched || this.showAllErrors()) && !pipeline.dirty) {
      return '';
    }
    if (pipeline.hasError('noStages')) {
      return 'Add at least one stage.';
    }
    if (pipeline.hasError('tooManyStages')) {
      return `A job can have at most ${this.maxStages} stages.`;
    }
    const repeated = pipeline.getError('repeatedNames') as string[] | null;
    return repeated
      ? `${repeated.map((name) => `“${name}”`).join(', ')} appears more than once: give each stage its own name.`
      : '';
  }

  protected add(): void {
    if (this.disabled()) return;
    const pipeline = this.pipeline();
    if (pipeline.length >= this.maxStages) {
      return;
    }
    pipeline.push(stageControl());
    pipeline.markAsDirty();
    this.changed(`Stage ${pipeline.length} added. Type its name.`);
    this.focus(`#pipeline-stage-${pipeline.length - 1}`);
  }

  protected remove(index: number): void {
    if (this.disabled()) return;
    const pipeline = this.pipeline();
    if (pipeline.length <= 1) {
      return;
    }
    const name = this.nameOf(index);
    pipeline.removeAt(index);
    pipeline.markAsDirty();
    this.changed(`${name} removed. ${pipeline.length} ${pipeline.length === 1 ? 'stage' : 'stages'} left.`);
    const next = Math.min(index, pipeline.length - 1);
    this.focus(`#pipeline-stage-${next}`);
  }

  /** Moves a stage one place up (-1) or down (+1); focus stays on the button that was pressed. */
  protected move(index: number, step: -1 | 1): void {
    if (this.disabled()) return;
    const to = index + step;
    const pipeline = this.pipeline();
    if (to < 0 || to >= pipeline.length) {
      return;
    }
    const name = this.nameOf(index);
    moveStage(pipeline, index, to);
    pipeline.markAsDirty();
    this.changed(`${name} moved to position ${to + 1} of ${pipeline.length}.`);
    this.focus(`#pipeline-stage-${to}-${step < 0 ? 'up' : 'down'}`);
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    if (this.disabled()) return;
    if (event.previousIndex === event.currentIndex) {
      return;
    }
    const name = this.nameOf(event.previousIndex);
    moveStage(this.pipeline(), event.previousIndex, event.currentIndex);
    this.pipeline().markAsDirty();
    this.changed(`${name} moved to position ${event.currentIndex + 1} of ${this.pipeline().length}.`);
  }

  private changed(message: string): void {
    this.revision.update((value) => value + 1);
    this.announcement.set(message);
  }
}
