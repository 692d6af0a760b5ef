import { AbstractControl, FormArray, FormControl, ValidationErrors, Validators } from '@angular/forms';
import { PIPELINE_MAX_STAGES, STAGE_NAME_MAX_LENGTH } from '@heardback/contracts';
import { notBlank } from '../core/text-validators';

export type PipelineControl = FormArray<FormControl<string>>;

/** The API's pipeline rule (libs/domain normalizePipeline): 1–12 stages with distinct names. */
export function pipelineValid(control: AbstractControl): ValidationErrors | null {
  const names = (control.value as string[]).map((name) => name.trim());
  if (names.length === 0) {
    return { noStages: true };
  }
  if (names.length > PIPELINE_MAX_STAGES) {
    return { tooManyStages: true };
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (name && seen.has(key)) {
      repeated.add(name);
    }
    seen.add(key);
  }
  return repeated.size > 0 ? { repeatedNames: [...repeated] } : null;
}

export function stageControl(name = ''): FormControl<string> {
  return new FormControl(name, {
    nonNullable: true,
    validators: [notBlank, Validators.maxLength(STAGE_NAME_MAX_LENGTH)],
  });
}

export function pipelineControl(names: readonly string[]): PipelineControl {
  return new FormArray(
    names.map((name) => stageControl(name)),
    {
      validators: pipelineValid,
    },
  );
}

/** Moves one stage within the pipeline, keeping each stage's control (and its state) intact. */
export function moveStage(pipeline: PipelineControl, from: number, to: number): void {
  if (from === to || to < 0 || to >= pipeline.length) {
    return;
  }
  const control = pipeline.at(from);
  pipeline.removeAt(from, { emitEvent: false });
  pipeline.insert(to, control);
}
