import { DocumentMediaType } from '@heardback/contracts';
import { attachmentDisposition, detectDocumentType, safeFileName } from './document-content';

describe('document content', () => {
  it('knows a PDF by its bytes and refuses a program named like one', async () => {
    expect(await detectDocumentType(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1'))).toBe(
      DocumentMediaType.Pdf,
    );
    expect(await detectDocumentType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]))).toBeNull();
    expect(await detectDocumentType(Buffer.from('plain words'))).toBeNull();
  });

  it('keeps a safe name that ends in the real type', () => {
    expect(safeFileName('C:\\Users\\ada\\CV 2026.PDF', DocumentMediaType.Pdf)).toBe('CV 2026.pdf');
    expect(safeFileName('../../etc/passwd', DocumentMediaType.Pdf)).toBe('passwd.pdf');
    expect(safeFileName('cv.exe', DocumentMediaType.Docx)).toBe('cv.exe.docx');
    expect(safeFileName('evil\u202Efdp.exe', DocumentMediaType.Pdf)).toBe('evilfdp.exe.pdf');
    expect(safeFileName('', DocumentMediaType.Pdf)).toBe('document.pdf');
    expect(safeFileName(`${'a'.repeat(400)}.pdf`, DocumentMediaType.Pdf)).toHaveLength(255);
  });

  it('offers a download as an attachment with its name in UTF-8', () => {
    expect(attachmentDisposition('Zoë’s CV (final).pdf')).toBe(
      `attachment; filename="Zo__s CV (final).pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20CV%20%28final%29.pdf`,
    );
  });
});
