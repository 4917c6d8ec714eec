// A file's bytes as base64, the way files travel inside a command's JSON. Encoded a slice at a
// time: one `String.fromCharCode(...bytes)` over a copier's PDF of tens of megabytes would
// overflow the call stack, and one binary string of the whole file would double it in memory
// before `btoa` doubles it again.

/** Bytes a slice: a multiple of 3, so that each slice's base64 joins the next with no padding. */
const SLICE = 3 * 0x2000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + SLICE))));
  }
  return parts.join('');
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A file chosen or dropped in the window, read and encoded for a command. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
