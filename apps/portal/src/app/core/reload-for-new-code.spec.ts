import { NavigationError } from '@angular/router';
import { ReloadingWindow, forgetReloadForNewCode, reloadForNewCode } from './reload-for-new-code';

function aWindow(): ReloadingWindow & { assigned: string[] } {
  const stored = new Map<string, string>();
  const assigned: string[] = [];
  return {
    assigned,
    location: { assign: (url: string | URL) => void assigned.push(String(url)) },
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    },
  };
}

const failed = (url: string, error: unknown) => new NavigationError(1, url, error);

describe('a page open across a deployment', () => {
  it.each([
    ['Chromium', 'Failed to fetch dynamically imported module: https://heardback.example/chunk-AB12.js'],
    ['Firefox', 'error loading dynamically imported module: https://heardback.example/chunk-AB12.js'],
    ['Safari', 'Importing a module script failed.'],
  ])('loads the address afresh when %s cannot load the next page’s code', (_browser, message) => {
    const window = aWindow();
    reloadForNewCode(failed('/jobs/42', new TypeError(message)), window);
    expect(window.assigned).toEqual(['/jobs/42']);
  });

  it('does so once per address, so code missing from the new build too does not reload for ever', () => {
    const window = aWindow();
    const missing = () => failed('/me', new TypeError('Failed to fetch dynamically imported module: x'));
    reloadForNewCode(missing(), window);
    reloadForNewCode(missing(), window);
    expect(window.assigned).toEqual(['/me']);
    reloadForNewCode(failed('/jobs', new TypeError('Failed to fetch dynamically imported module: y')), window);
    expect(window.assigned).toEqual(['/me', '/jobs']);
  });

  it('may do so again at the next deployment, once a page has loaded', () => {
    const window = aWindow();
    const missing = () => failed('/recruiter', new TypeError('Failed to fetch dynamically imported module: x'));
    reloadForNewCode(missing(), window);
    forgetReloadForNewCode(window);
    reloadForNewCode(missing(), window);
    expect(window.assigned).toEqual(['/recruiter', '/recruiter']);
  });

  it('leaves every other navigation error to the router', () => {
    const window = aWindow();
    reloadForNewCode(failed('/me', new Error('a guard failed')), window);
    reloadForNewCode(failed('/me', new TypeError('x is not a function')), window);
    expect(window.assigned).toEqual([]);
  });
});
