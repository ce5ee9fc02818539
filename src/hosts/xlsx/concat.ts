/** How many bytes the pieces hold together. */
export const lengthOf = (pieces: readonly Uint8Array[]): number =>
  pieces.reduce((n, piece) => n + piece.length, 0);

/**
 * The pieces as one buffer (the piece itself when there is only one). A module of its own: the
 * deflating helper Workers need it without the reader's modules.
 */
export function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
