import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeMnistSubset, loadMnistSubset, mnistFileBytes, mnistPixelsToFloat, oneHot, parseMnistSubset, type MnistSubset } from './mnist';

/** A tiny synthetic subset: 3 train and 2 test images of 2×3 pixels with recognisable values. */
function tiny(): MnistSubset {
  const rows = 2;
  const cols = 3;
  const img = (count: number, base: number) => Uint8Array.from({ length: count * rows * cols }, (_, i) => (base + i * 7) % 256);
  return {
    rows,
    cols,
    train: { images: img(3, 1), labels: Uint8Array.from([3, 1, 4]), count: 3 },
    test: { images: img(2, 100), labels: Uint8Array.from([9, 0]), count: 2 },
  };
}

const toBuffer = (u8: Uint8Array): ArrayBuffer => u8.slice().buffer;

describe('MNIST subset file', () => {
  it('round-trips a small synthetic file', () => {
    const s = tiny();
    const bytes = encodeMnistSubset(s);
    expect(bytes.length).toBe(mnistFileBytes(3, 2, 2, 3)); // 24 + 5·(6 + 1) = 59
    expect(bytes.length).toBe(59);
    const back = parseMnistSubset(toBuffer(bytes));
    expect(back.rows).toBe(2);
    expect(back.cols).toBe(3);
    expect(back.train.count).toBe(3);
    expect(back.test.count).toBe(2);
    expect(Array.from(back.train.images)).toEqual(Array.from(s.train.images));
    expect(Array.from(back.train.labels)).toEqual([3, 1, 4]);
    expect(Array.from(back.test.images)).toEqual(Array.from(s.test.images));
    expect(Array.from(back.test.labels)).toEqual([9, 0]);
  });

  it.each([
    ['a bad magic', (b: Uint8Array) => { b[0] = 'X'.charCodeAt(0); return b; }, 'not an MNIST subset file: bad magic'],
    ['a newer version', (b: Uint8Array) => { b[4] = 2; return b; }, 'unsupported format version 2'],
    ['a truncated body', (b: Uint8Array) => b.slice(0, b.length - 1), 'truncated: expected 59 bytes, got 58'],
    ['a truncated header', (b: Uint8Array) => b.slice(0, 10), 'truncated header: expected at least 24 bytes, got 10'],
    ['extra bytes', (b: Uint8Array) => Uint8Array.from([...b, 0]), 'too long: expected 59 bytes, got 60'],
    ['a zero image size', (b: Uint8Array) => { b.fill(0, 16, 24); return b; }, 'bad image size 0×0'],
    ['a label that is not a digit', (b: Uint8Array) => { b[24 + 18] = 10; return b; }, 'train label 0 is 10, not a digit 0–9'],
  ])('refuses %s with a message naming it', (_name, corrupt, message) => {
    const bytes = corrupt(encodeMnistSubset(tiny()));
    expect(() => parseMnistSubset(toBuffer(bytes))).toThrow(message);
  });

  it('loads through a fetch function and names the URL and status on HTTP errors', async () => {
    const bytes = encodeMnistSubset(tiny());
    const okFetch = async () => ({ ok: true, status: 200, statusText: 'OK', arrayBuffer: async () => toBuffer(bytes) });
    expect((await loadMnistSubset('/data/x.bin', okFetch)).train.count).toBe(3);
    const notFound = async () => ({ ok: false, status: 404, statusText: 'Not Found', arrayBuffer: async () => new ArrayBuffer(0) });
    await expect(loadMnistSubset('/data/x.bin', notFound)).rejects.toThrow('could not load the MNIST subset from /data/x.bin: HTTP 404 Not Found');
    const offline = async () => { throw new TypeError('Failed to fetch'); };
    await expect(loadMnistSubset('/data/x.bin', offline)).rejects.toThrow('could not fetch the MNIST subset from /data/x.bin: Failed to fetch');
  });

  it('scales pixels to [0, 1] and one-hot encodes labels', () => {
    const s = tiny();
    const f = mnistPixelsToFloat(s.test, 1, 1, 6);
    expect(f.length).toBe(6);
    expect(f[0]).toBeCloseTo(s.test.images[6]! / 255, 7);
    expect(Array.from(oneHot([2, 0], 3))).toEqual([0, 0, 1, 1, 0, 0]);
  });

  const built = fileURLToPath(new URL('../../public/data/mnist-subset.bin', import.meta.url));
  it.skipIf(!existsSync(built))('parses public/data/mnist-subset.bin when it has been built', () => {
    const file = readFileSync(built);
    const s = parseMnistSubset(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    expect(s.rows).toBe(28);
    expect(s.cols).toBe(28);
    expect(s.train.count).toBeGreaterThan(0);
    const counts = new Array(10).fill(0);
    for (const l of s.train.labels) counts[l]++;
    // pack-mnist.mjs balances digits: every digit within one image of count/10.
    for (const c of counts) expect(Math.abs(c - s.train.count / 10)).toBeLessThanOrEqual(1);
  });
});
