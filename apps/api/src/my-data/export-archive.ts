import { EXPORT_DOCUMENTS_FOLDER, EXPORT_JSON_NAME } from '@heardback/contracts';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Writable } from 'node:stream';

/** One file for the archive's documents folder: its bytes are read only when its turn comes. */
export interface ExportDocument {
  /** The name inside `documents/`, unique within the archive. */
  fileName: string;
  read(): Promise<Uint8Array>;
}

/**
 * Writes the export as a zip to `out` while it is made: the JSON first (deflated), then each
 * document in turn, stored as it is (PDF and DOCX are compressed already). At most one document's
 * bytes are in memory at a time, and writing waits whenever the client reads slower than we send.
 */
export async function writeExportArchive(
  out: Writable,
  json: string,
  documents: readonly ExportDocument[],
): Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  let failed: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failed = error;
      return;
    }
    pending = pending.then(() => write(out, chunk));
    if (final) pending = pending.then(() => new Promise<void>((done) => out.end(done)));
  });
  const jsonFile = new ZipDeflate(EXPORT_JSON_NAME, { level: 6 });
  zip.add(jsonFile);
  jsonFile.push(new TextEncoder().encode(json), true);
  await pending;
  // The folder is there even when empty, so the archive's shape does not depend on what was uploaded.
  const folder = new ZipPassThrough(EXPORT_DOCUMENTS_FOLDER);
  zip.add(folder);
  folder.push(new Uint8Array(0), true);
  for (const document of documents) {
    const file = new ZipPassThrough(`${EXPORT_DOCUMENTS_FOLDER}${document.fileName}`);
    zip.add(file);
    file.push(await document.read(), true);
    await pending;
    if (failed) throw failed;
  }
  zip.end();
  await pending;
  if (failed) throw failed;
}

function write(out: Writable, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const flushed = out.write(chunk, (error) => (error ? reject(error) : undefined));
    if (flushed) resolve();
    else out.once('drain', resolve);
  });
}
