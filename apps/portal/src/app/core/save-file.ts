/**
 * Saves a file the page fetched itself (a POST, so no link can carry its secret) under its own
 * name, the way a download link would.
 */
export function saveFile(document: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
