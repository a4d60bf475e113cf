// A small, stable string hash: the same text always gives the same number, on every run and platform.

/**
 * FNV-1a over UTF-16 code units, 32 bits, with `seed` mixed into the offset basis (0 gives plain FNV-1a). For
 * picking stable colours and seeding layouts, not for anything secret.
 */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
