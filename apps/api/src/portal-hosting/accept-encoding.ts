/** The encodings the portal's files are stored in, best first. */
export type StoredEncoding = 'br' | 'gzip';

const PREFERENCE: readonly StoredEncoding[] = ['br', 'gzip'];

/**
 * Picks the best stored encoding the client accepts, by Accept-Encoding (RFC 9110 §12.5.3).
 * Browsers list gzip before br with equal weights, so among acceptable encodings ours decides
 * (brotli is smaller); `q=0` refuses one, and `*` stands for any encoding not named.
 * Returns null for "send it as it is" (no header, nothing acceptable, or no stored variant).
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: ReadonlySet<StoredEncoding>,
): StoredEncoding | null {
  if (!acceptEncoding || available.size === 0) return null;
  const weights = new Map<string, number>();
  for (const entry of acceptEncoding.split(',')) {
    const [token, ...params] = entry.trim().toLowerCase().split(';');
    if (!token) continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    weights.set(token, Number.isFinite(q) ? q : 0);
  }
  const wildcard = weights.get('*');
  const acceptable = PREFERENCE.filter(
    (encoding) => available.has(encoding) && (weights.get(encoding) ?? wildcard ?? 0) > 0,
  );
  if (acceptable.length === 0) return null;
  // A client that weights one encoding higher gets it; on a tie, the smaller (our order).
  const best = Math.max(...acceptable.map((encoding) => weights.get(encoding) ?? wildcard ?? 0));
  return acceptable.find((encoding) => (weights.get(encoding) ?? wildcard ?? 0) === best) ?? null;
}
