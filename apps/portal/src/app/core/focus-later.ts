import { ElementRef, Injector, afterNextRender, inject } from '@angular/core';

/** The first field marked invalid: where keyboard users should land after a refused submit. */
export const FIRST_INVALID = '[aria-invalid="true"]';

/** A selector inside the component, or the element a view query finds. */
export type FocusTarget = string | (() => ElementRef<HTMLElement> | HTMLElement | null | undefined);

/**
 * Moves focus once the view has rendered, for elements that appear with a change: a problem, an
 * answer, the next step. Call it in a field initialiser: `private readonly focus = focusLater();`.
 */
export function focusLater(): (target: FocusTarget) => void {
  const injector = inject(Injector);
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  return (target) =>
    afterNextRender(
      () => {
        const found = typeof target === 'string' ? host.querySelector<HTMLElement>(target) : target();
        (found instanceof ElementRef ? found.nativeElement : found)?.focus();
      },
      { injector },
    );
}
