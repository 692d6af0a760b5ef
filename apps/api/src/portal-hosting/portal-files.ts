import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { StoredEncoding } from './accept-encoding';

/** One file of the built portal, as the browser asks for it, with its precompressed copies. */
export interface PortalFile {
  /** Relative to the portal directory, with forward slashes. */
  readonly path: string;
  /** The file's own extension ('.js'), which decides its Content-Type whatever encoding is sent. */
  readonly extension: string;
  readonly cacheControl: string;
  /** Precompressed copies next to it (`main-….js.br`, `main-….js.gz`), by encoding. */
  readonly encoded: ReadonlyMap<StoredEncoding, string>;
}

/**
 * Angular's output hashing: `main-I4XMMJJA.js`, `chunk-5h57iyTG.js` (either case), `styles-WPAVQ2NV.css`, and the
 * fonts and images it copies to media/ (`media/inter-XYZ12345.woff2`).
 */
const HASHED_ASSET = /-[A-Za-z0-9]{8}\.(js|css|woff2?|ttf|svg|png|jpe?g|webp|avif|gif)$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
const ENCODED_SUFFIX: Record<string, StoredEncoding> = { '.br': 'br', '.gz': 'gzip' };

/**
 * Lists the built portal once, at start: it does not change while the process runs (a new build is
 * a new deployment), so a request never stats the disk to find out whether a file exists, and only
 * files of the build can be served (no path tricks reach anything else).
 * Keys are URL paths ('/main-I4XMMJJA.js').
 */
export function listPortalFiles(portalDir: string): Map<string, PortalFile> {
  const all = walk(portalDir).map((file) => relative(portalDir, file).split(sep).join('/'));
  const present = new Set(all);
  const files = new Map<string, PortalFile>();
  for (const path of all) {
    const suffix = extname(path);
    // A `.br`/`.gz` whose original is in the build is a copy of it, not a file of its own.
    if (ENCODED_SUFFIX[suffix] && present.has(path.slice(0, -suffix.length))) continue;
    const encoded = new Map<StoredEncoding, string>();
    for (const [ending, encoding] of Object.entries(ENCODED_SUFFIX)) {
      if (present.has(path + ending)) encoded.set(encoding, path + ending);
    }
    files.set(`/${path}`, {
      path,
      extension: extname(path),
      cacheControl: HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE,
      encoded,
    });
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
