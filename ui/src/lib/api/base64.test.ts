import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, fileToBase64 } from './base64';

describe('base64', () => {
  it('encodes as one piece what it encodes in slices', () => {
    // Longer than several slices and not a multiple of 3, every byte value present.
    const bytes = new Uint8Array(3 * 0x2000 * 3 + 7).map((_, i) => (i * 7 + 3) % 256);
    const encoded = bytesToBase64(bytes);
    let whole = '';
    for (const b of bytes) whole += String.fromCharCode(b);
    expect(encoded).toBe(btoa(whole));
    expect(Array.from(base64ToBytes(encoded))).toEqual(Array.from(bytes));
  });

  it('encodes an empty file and a short one', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(bytesToBase64(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0]))).toBe('JVBERv8A');
  });

  it('reads a chosen file', async () => {
    expect(await fileToBase64(new Blob([new Uint8Array([1, 2, 250])]))).toBe('AQL6');
  });
});
