import { NavigationError } from '@angular/router';

/** What a page needs of its window to load itself afresh. */
export interface ReloadingWindow {
  location: Pick<Location, 'assign'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const RELOADED_FOR = 'hb-reloaded-for';

/**
 * A page left open across a deployment asks for its next page's code under the old build's names,
 * which the new build does not have (the server answers 404): the navigation fails. Loading that
 * address afresh gets the new build. Once per address, so code missing from the new build too ends in
 * the router's error rather than in reloading for ever; once a page has loaded, the next deployment
 * may reload it again (forgetReloadForNewCode).
 */
export function reloadForNewCode(error: NavigationError, window: ReloadingWindow): void {
  if (!isMissingCode(error.error)) return;
  try {
    if (window.sessionStorage.getItem(RELOADED_FOR) === error.url) return;
    window.sessionStorage.setItem(RELOADED_FOR, error.url);
  } catch {
    return; // no session storage (a privacy mode): no way to reload only once, so not at all
  }
  window.location.assign(error.url);
}

/** A page loaded: a later deployment's missing code may load an address afresh again. */
export function forgetReloadForNewCode(window: ReloadingWindow): void {
  try {
    window.sessionStorage.removeItem(RELOADED_FOR);
  } catch {
    // nothing was kept
  }
}

/** How Chromium, Firefox and Safari word a module import that failed to load. */
function isMissingCode(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}
