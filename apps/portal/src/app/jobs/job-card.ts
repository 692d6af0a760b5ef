import { ChangeDetectionStrategy, Component, ElementRef, computed, input, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { JobSummary } from '@heardback/contracts';
import { EMPLOYMENT_TYPE_LABELS, WORK_MODE_LABELS } from '../display-labels';
import { formatSalary } from './salary';

/** One open job as it appears on the board. */
@Component({
  selector: 'hb-job-card',
  imports: [RouterLink],
  templateUrl: './job-card.html',
  styleUrl: './job-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobCard {
  readonly job = input.required<JobSummary>();

  private readonly article = viewChild.required<ElementRef<HTMLElement>>('article');

  protected readonly titleId = computed(() => `job-title-${this.job().id}`);
  protected readonly workMode = computed(() => WORK_MODE_LABELS[this.job().workMode]);
  protected readonly employmentType = computed(() => EMPLOYMENT_TYPE_LABELS[this.job().employmentType]);
  protected readonly salary = computed(() => {
    const salary = this.job().salary;
    return salary ? formatSalary(salary) : null;
  });

  /** Moves keyboard and screen-reader focus to this job, e.g. the first of a newly loaded page. */
  focus(): void {
    this.article().nativeElement.focus();
  }
}
