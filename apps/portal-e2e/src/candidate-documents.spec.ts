import { expect, test } from '@playwright/test';
import { DEMO_RECRUITER, applyThroughApi, signInAs } from './support/agency-sign-in';
import { registerCandidate, screenshotAtBothWidths } from './support/candidate-journeys';

/** A minimal PDF: what the API recognises by its first bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
/** A Windows program dressed up as a CV. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

test('a candidate uploads a CV on their profile, sees it listed, and a program named cv.pdf is refused', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const candidate = await registerCandidate(page, 'documents');
  await page.goto('/me/profile');
  const section = page.getByRole('region', { name: 'Your CV and documents' });
  await expect(section.getByText('You have not uploaded any documents yet.')).toBeVisible();
  await expect(section.getByText('A PDF or Word (.docx) file, at most 10 MB.')).toBeVisible();

  const file = section.getByLabel('Choose a file');
  await file.setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: EXE });
  await section.getByRole('button', { name: 'Upload CV' }).click();
  await expect(section.getByText(/PDF or Word \(\.docx\) files only/)).toBeVisible();
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-invalid', 'true');

  await file.setInputFiles({ name: 'My CV 2026.pdf', mimeType: 'application/pdf', buffer: PDF });
  await section.getByRole('button', { name: 'Upload CV' }).click();
  await expect(section.getByText('Uploaded My CV 2026.pdf.')).toBeVisible();
  const link = section.getByRole('link', { name: 'My CV 2026.pdf (download)' });
  await expect(link).toHaveAttribute('href', /^\/api\/documents\/[0-9a-f-]{36}$/);

  // Still there after a reload: it is stored, and the download gives back the same bytes.
  await page.reload();
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

  const contact = page.getByRole('region', { name: 'How the agency can reach you' });
  await contact.getByLabel('Phone').fill('020 7946 0958');
  await contact.getByRole('button', { name: 'Save contact details' }).click();
  await expect(contact.getByText(/Enter an international number/)).toBeVisible();
  await contact.getByLabel('Phone').fill('+44 20 7946 0958');
  await contact.getByLabel('Where you are').fill('Leeds, UK');
  await contact.getByLabel('Link').fill('https://www.linkedin.com/in/e2e-documents');
  await contact.getByRole('button', { name: 'Save contact details' }).click();
  await expect(contact.getByText('Saved. Recruiters see these details with your applications.')).toBeVisible();
  await screenshotAtBothWidths(page, testInfo, 'profile-documents');

  // The recruiter's application page shows how to reach them.
  const { application } = await applyThroughApi(page);
  const recruiter = await (await browser.newContext()).newPage();
  await signInAs(recruiter, DEMO_RECRUITER);
  await recruiter.goto(`/recruiter/applications/${application.id}`);
  const panel = recruiter.getByRole('region', { name: 'Candidate' });
  await expect(panel.getByRole('link', { name: candidate.email })).toHaveAttribute('href', `mailto:${candidate.email}`);
  await expect(panel.getByRole('link', { name: '+442079460958' })).toHaveAttribute('href', 'tel:+442079460958');
  await expect(panel.getByText('Leeds, UK')).toBeVisible();
  await screenshotAtBothWidths(recruiter, testInfo, 'recruiter-candidate-panel');
});
