import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DocumentKind, DocumentList, ErrorCode } from '@heardback/contracts';
import { aDocument, apiErrorBody } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { DocumentChoice } from './document-choice';

describe('DocumentChoice', () => {
  let fixture: ComponentFixture<DocumentChoice>;
  let http: HttpTestingController;
  let chosen: (string | null)[];

  const newest = aDocument({ id: 'cv-new', fileName: 'CV 2026.pdf', createdAt: '2026-11-20T10:00:00.000Z' });
  const older = aDocument({ id: 'cv-old', fileName: 'CV 2025.pdf', createdAt: '2025-10-01T10:00:00.000Z' });
  const letter = aDocument({ id: 'letter', kind: DocumentKind.CoverLetter, fileName: 'Letter.docx' });

  async function render(list: DocumentList) {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(DocumentChoice);
    chosen = [];
    fixture.componentInstance.chosen.subscribe((id) => chosen.push(id));
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/me/documents' }).flush(list);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const radios = () => Array.from(view().querySelectorAll<HTMLInputElement>('input[type="radio"]'));
  const chooseFile = async (file: File) => {
    const input = view().querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    (view().querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  it('offers the candidate’s CVs, not their cover letters, with the newest chosen', async () => {
    await render({ items: [newest, letter, older], max: 20 });
    expect(radios().map((radio) => radio.value)).toEqual(['cv-new', 'cv-old']);
    expect(radios()[0].checked).toBe(true);
    expect(chosen).toEqual(['cv-new']);
    expect(view().querySelector('legend')?.textContent).toContain('Which CV goes with this application?');
  });

  it('says which CV the candidate picks instead', async () => {
    await render({ items: [newest, older], max: 20 });
    radios()[1].click();
    await fixture.whenStable();
    expect(chosen).toEqual(['cv-new', 'cv-old']);
  });

  it('uploads a new CV in place and chooses it', async () => {
    await render({ items: [], max: 20 });
    expect(view().textContent).toContain('You have no CV with us yet.');
    // Not "Or upload a new CV" when there is nothing to choose instead.
    expect(view().textContent).toContain('Upload your CV');
    expect(view().textContent).not.toContain('Or upload');
    expect(chosen).toEqual([null]);

    await chooseFile(new File(['%PDF-1.4'], 'Fresh CV.pdf', { type: 'application/pdf' }));
    const upload = http.expectOne({ method: 'POST', url: '/api/me/documents' });
    const body = upload.request.body as FormData;
    expect(body.get('kind')).toBe('cv');
    expect((body.get('file') as File).name).toBe('Fresh CV.pdf');
    upload.flush(aDocument({ id: 'cv-fresh', fileName: 'Fresh CV.pdf' }));
    await fixture.whenStable();

    expect(radios().map((radio) => radio.value)).toEqual(['cv-fresh']);
    expect(radios()[0].checked).toBe(true);
    expect(chosen).toEqual([null, 'cv-fresh']);
    expect(view().textContent).toContain('Or upload a new CV');
  });

  it('shows the API’s words when it refuses the file, at the file box', async () => {
    await render({ items: [older], max: 20 });
    await chooseFile(new File(['MZ'], 'cv.pdf', { type: 'application/pdf' }));
    const message = 'We accept CVs and cover letters as PDF or Word (.docx) files only.';
    http
      .expectOne({ method: 'POST', url: '/api/me/documents' })
      .flush(...apiErrorBody(415, ErrorCode.UnsupportedMediaType, message));
    await fixture.whenStable();

    expect(view().querySelector('.field__error')?.textContent).toContain(message);
    expect(view().querySelector('input[type="file"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(chosen).toEqual(['cv-old']);
  });
});
