import { DOCUMENT_FILE_NAME_MAX_LENGTH, DOCUMENT_MEDIA_TYPES, DocumentMediaType } from '@heardback/contracts';
import { fromBuffer } from 'file-type';
import { createHash } from 'node:crypto';

const EXTENSION: Record<DocumentMediaType, string> = {
  [DocumentMediaType.Pdf]: '.pdf',
  [DocumentMediaType.Docx]: '.docx',
};

/**
 * What the file is, from its own bytes (PDF's `%PDF-`, DOCX's zip with a `word/` part), or null
 * when it is anything else. The name and the type the browser declared are never trusted.
 */
export async function detectDocumentType(content: Buffer): Promise<DocumentMediaType | null> {
  const detected = await fromBuffer(content);
  const mediaType = DOCUMENT_MEDIA_TYPES.find((accepted) => accepted === detected?.mime);
  return mediaType ?? null;
}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Control characters, path separators and what Windows forbids in a name. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name to keep and offer back: the browser's last path segment, without anything a file
 * system or a header could misread (or that could reverse how it reads on screen), ending in the
 * extension of what the content really is ("cv.pdf.exe" holding a PDF becomes "cv.pdf.pdf").
 */
export function safeFileName(given: string | undefined, mediaType: DocumentMediaType): string {
  const extension = EXTENSION[mediaType];
  const lastSegment = (given ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment.replace(UNSAFE_IN_NAME, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const stem = cleaned.toLowerCase().endsWith(extension) ? cleaned.slice(0, -extension.length) : cleaned;
  const room = DOCUMENT_FILE_NAME_MAX_LENGTH - extension.length;
  return `${
    Array.from(stem || 'document')
      .slice(0, room)
      .join('')
      .trim() || 'document'
  }${extension}`;
}

/**
 * `Content-Disposition` for a download: always an attachment (never shown inline, where a file
 * could act as a page of ours), the name in RFC 5987 UTF-8 form and an ASCII stand-in for old clients.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
