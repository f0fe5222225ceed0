/**
 * Bytes as base64 text and back: how the hidden feature space's quantised values travel
 * (a third of the size of a JSON array of numbers). Pure: the worker encodes, the webview and
 * the tests decode, with no Buffer, btoa or atob needed.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: ArrayLike<number>): string {
  let out = '';
  const n = bytes.length;
  for (let i = 0; i < n; i += 3) {
    const a = bytes[i] & 255;
    const b = i + 1 < n ? bytes[i + 1] & 255 : 0;
    const c = i + 2 < n ? bytes[i + 2] & 255 : 0;
    const v = (a << 16) | (b << 8) | c;
    out += ALPHABET[(v >> 18) & 63] + ALPHABET[(v >> 12) & 63];
    out += i + 1 < n ? ALPHABET[(v >> 6) & 63] : '=';
    out += i + 2 < n ? ALPHABET[v & 63] : '=';
  }
  return out;
}

/** The bytes of base64 text (characters outside the alphabet count as 0; padding ends it). */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const q = [0, 1, 2, 3].map((k) => Math.max(0, ALPHABET.indexOf(clean[i + k] ?? 'A')));
    const v = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3];
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}
