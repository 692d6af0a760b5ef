import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DOCUMENT_MAX_BYTES, DocumentKind, ErrorCode } from '@heardback/contracts';
import { aDocument, apiErrorBody } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { DocumentsSection } from './documents-section';

describe('DocumentsSection', () => {
  let fixture: ComponentFixture<DocumentsSection>;
  let http: HttpTestingController;

  async function render() {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(DocumentsSection);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/me/documents' }).flush({ items: [aDocument()], max: 20 });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const names = () => Array.from(view().querySelectorAll('.documents__name'), text);
  const button = (words: string) =>
    Array.from(view().querySelectorAll('button')).find((candidate) => text(candidate) === words) as HTMLButtonElement;
  const chooseFile = async (file: File) => {
    const input = view().querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };

  it('lists the documents kept, each with a download link, and the size limit', async () => {
    await render();
    expect(names()).toEqual(['Ana Silva CV.pdf (download)']);
    const link = view().querySelector<HTMLAnchorElement>('.documents__name');
    expect(link?.getAttribute('href')).toBe('/api/documents/doc-1');
    expect(link?.hasAttribute('download')).toBe(true);
    expect(text(view().querySelector('.documents__facts'))).toMatch(/^CV · 240 kB · uploaded /);
    expect(view().textContent).toContain('A PDF or Word (.docx) file, at most 10 MB.');
    expect(view().querySelector('input[type="file"]')?.getAttribute('accept')).toBe('.pdf,.docx');
  });

  it('uploads a cover letter and lists it first', async () => {
    await render();
    const select = view().querySelector<HTMLSelectElement>('#document-kind') as HTMLSelectElement;
    select.value = DocumentKind.CoverLetter;
    select.dispatchEvent(new Event('change'));
    await chooseFile(new File(['PK'], 'Letter.docx'));
    button('Upload cover letter').click();
    const upload = http.expectOne({ method: 'POST', url: '/api/me/documents' });
    expect((upload.request.body as FormData).get('kind')).toBe('cover_letter');
    upload.flush(aDocument({ id: 'doc-2', kind: DocumentKind.CoverLetter, fileName: 'Letter.docx' }));
    await fixture.whenStable();

    expect(names()).toEqual(['Letter.docx (download)', 'Ana Silva CV.pdf (download)']);
    expect(view().textContent).toContain('Uploaded Letter.docx.');
  });

  it('shows the API’s 413 in its own words, and refuses a file too large before sending it', async () => {
    await render();
    await chooseFile(new File(['%PDF'], 'cv.pdf'));
    button('Upload CV').click();
    const tooLarge = 'This file is larger than 10 MB, the most we accept.';
    http
      .expectOne({ method: 'POST', url: '/api/me/documents' })
      .flush(...apiErrorBody(413, ErrorCode.PayloadTooLarge, tooLarge));
    await fixture.whenStable();
    expect(text(view().querySelector('.field__error'))).toBe(tooLarge);

    const huge = new File(['x'], 'huge.pdf');
    Object.defineProperty(huge, 'size', { value: DOCUMENT_MAX_BYTES + 1 });
    await chooseFile(huge);
    button('Upload CV').click();
    await fixture.whenStable();
    expect(text(view().querySelector('.field__error'))).toBe(
      'This file is larger than 10 MB, the most we accept. Save a smaller copy and upload that.',
    );
  });

  it('deletes a document only once the candidate confirms, and says when the agency keeps it', async () => {
    await render();
    button('Delete').click();
    await fixture.whenStable();
    button('Keep it').click();
    await fixture.whenStable();
    expect(names()).toHaveLength(1);

    button('Delete').click();
    await fixture.whenStable();
    button('Delete for good').click();
    http
      .expectOne({ method: 'DELETE', url: '/api/me/documents/doc-1' })
      .flush(...apiErrorBody(409, ErrorCode.Conflict, 'This document went with an application.'));
    await fixture.whenStable();
    expect(view().textContent).toContain('Ana Silva CV.pdf was not deleted. This document went with an application.');

    button('Delete').click();
    await fixture.whenStable();
    button('Delete for good').click();
    http.expectOne({ method: 'DELETE', url: '/api/me/documents/doc-1' }).flush(null);
    await fixture.whenStable();
    expect(names()).toEqual([]);
    expect(view().textContent).toContain('Deleted Ana Silva CV.pdf.');
  });
});
