import { expect, test } from '@playwright/test';

/**
 * A visitor's page stays open while a new build is deployed: the next page's code has a new name, and
 * the old one is gone (404). The portal loads that address afresh, once, instead of failing the click.
 */
test('a page open across a deployment opens the next page afresh instead of failing', async ({ page }) => {
  await page.goto('/jobs');
  const firstJob = page.getByRole('article').first().getByRole('link').first();
  await expect(firstJob).toBeVisible();
  const title = (await firstJob.innerText()).trim();

  // "Deploy": every script not yet loaded is gone, until the browser loads a page afresh.
  let deployed = true;
  const documents: string[] = [];
  const missing: string[] = [];
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.resourceType() === 'document') {
      deployed = false;
      documents.push(new URL(request.url()).pathname);
    } else if (deployed && /\/chunk-[^/]+\.js$/.test(request.url())) {
      missing.push(request.url());
      return route.fulfill({ status: 404, contentType: 'application/json', body: '{"statusCode":404}' });
    }
    return route.continue();
  });

  await firstJob.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(missing.length).toBeGreaterThan(0);
  expect(documents).toEqual([new URL(page.url()).pathname]);
  expect(new URL(page.url()).pathname).toMatch(/^\/jobs\/[^/]+$/);
});
