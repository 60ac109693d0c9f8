/**
 * The MNIST subset the book serves as one static file (written by scripts/pack-mnist.mjs at build time).
 *
 * Binary format, version 1, all integers little-endian:
 *
 *   offset  size  field
 *   0       4     magic, ASCII "MNST"
 *   4       4     uint32 format version (1)
 *   8       4     uint32 number of training images, nTrain
 *   12      4     uint32 number of test images, nTest
 *   16      4     uint32 rows (28)
 *   20      4     uint32 cols (28)
 *   24      nTrain·rows·cols   uint8 training pixels, image after image, row-major, 0 (background) – 255 (ink)
 *   …       nTrain             uint8 training labels, 0–9
 *   …       nTest·rows·cols    uint8 test pixels
 *   …       nTest              uint8 test labels
 *
 * Total length is exactly 24 + (nTrain + nTest)·(rows·cols + 1) bytes; anything else is refused.
 */

export const MNIST_MAGIC = 'MNST';
/** Format version written in bytes 4–7. */
export const MNIST_FORMAT_VERSION = 1;
/** Header length in bytes: magic + five uint32. */
export const MNIST_HEADER_BYTES = 24;
/** Digits 0–9. */
export const MNIST_CLASSES = 10;

export interface MnistSplit {
  /** count·rows·cols pixels, uint8 0–255, image after image, row-major. */
  images: Uint8Array;
  /** count labels, 0–9. */
  labels: Uint8Array;
  count: number;
}

export interface MnistSubset {
  train: MnistSplit;
  test: MnistSplit;
  rows: number;
  cols: number;
}

/** Exact byte length of a subset file with these counts and image size. */
export function mnistFileBytes(nTrain: number, nTest: number, rows = 28, cols = 28): number {
  return MNIST_HEADER_BYTES + (nTrain + nTest) * (rows * cols + 1);
}

/** Encodes a subset in the format above (the inverse of parseMnistSubset); used by tests and tools. */
export function encodeMnistSubset(subset: MnistSubset): Uint8Array {
  const { train, test, rows, cols } = subset;
  const px = rows * cols;
  for (const [name, s] of [['train', train], ['test', test]] as const) {
    if (s.images.length !== s.count * px || s.labels.length !== s.count) {
      throw new Error(`encodeMnistSubset: ${name} has ${s.images.length} pixels and ${s.labels.length} labels for ${s.count} images`);
    }
  }
  const out = new Uint8Array(mnistFileBytes(train.count, test.count, rows, cols));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint32(4, MNIST_FORMAT_VERSION, true);
  view.setUint32(8, train.count, true);
  view.setUint32(12, test.count, true);
  view.setUint32(16, rows, true);
  view.setUint32(20, cols, true);
  let o = MNIST_HEADER_BYTES;
  for (const s of [train, test]) {
    out.set(s.images, o);
    o += s.images.length;
    out.set(s.labels, o);
    o += s.labels.length;
  }
  return out;
}

/**
 * Parses an MNIST subset file; throws an Error naming what is wrong (bad magic, unsupported version, bad image size,
 * truncated or oversized file, a label outside 0–9). The returned arrays are views into `buffer` (no copy).
 */
export function parseMnistSubset(buffer: ArrayBuffer): MnistSubset {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < MNIST_HEADER_BYTES) {
    throw new Error(`not an MNIST subset file: truncated header: expected at least ${MNIST_HEADER_BYTES} bytes, got ${bytes.length}`);
  }
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MNIST_MAGIC) throw new Error('not an MNIST subset file: bad magic');
  const view = new DataView(buffer);
  const version = view.getUint32(4, true);
  if (version !== MNIST_FORMAT_VERSION) {
    throw new Error(`MNIST subset: unsupported format version ${version} (this reader knows version ${MNIST_FORMAT_VERSION})`);
  }
  const nTrain = view.getUint32(8, true);
  const nTest = view.getUint32(12, true);
  const rows = view.getUint32(16, true);
  const cols = view.getUint32(20, true);
  if (rows === 0 || cols === 0 || rows > 1024 || cols > 1024) {
    throw new Error(`MNIST subset: bad image size ${rows}×${cols}`);
  }
  const expected = mnistFileBytes(nTrain, nTest, rows, cols);
  if (bytes.length < expected) throw new Error(`MNIST subset truncated: expected ${expected} bytes, got ${bytes.length}`);
  if (bytes.length > expected) throw new Error(`MNIST subset too long: expected ${expected} bytes, got ${bytes.length}`);
  const px = rows * cols;
  let o = MNIST_HEADER_BYTES;
  const split = (count: number, name: string): MnistSplit => {
    const images = bytes.subarray(o, o + count * px);
    o += count * px;
    const labels = bytes.subarray(o, o + count);
    o += count;
    const bad = labels.findIndex((l) => l >= MNIST_CLASSES);
    if (bad >= 0) throw new Error(`MNIST subset: ${name} label ${bad} is ${labels[bad]}, not a digit 0–9`);
    return { images, labels, count };
  };
  const train = split(nTrain, 'train');
  const test = split(nTest, 'test');
  return { train, test, rows, cols };
}

/** The part of a fetch Response that loadMnistSubset uses. */
export interface FetchedResponse {
  ok: boolean;
  status: number;
  statusText: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Fetches (with `fetchFn`, default the global fetch) and parses an MNIST subset; throws with the URL and HTTP status. */
export async function loadMnistSubset(
  url: string,
  fetchFn: (url: string) => Promise<FetchedResponse> = (u) => fetch(u),
): Promise<MnistSubset> {
  let res: FetchedResponse;
  try {
    res = await fetchFn(url);
  } catch (err) {
    throw new Error(`could not fetch the MNIST subset from ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!res.ok) throw new Error(`could not load the MNIST subset from ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  return parseMnistSubset(await res.arrayBuffer());
}

/**
 * Converts `count` images starting at image `start` into network inputs: Float32Array of count·rows·cols values in
 * [0, 1] (pixel / 255), ready for a [count, 784] or [count, 28, 28, 1] tensor.
 */
export function mnistPixelsToFloat(split: MnistSplit, start = 0, count = split.count - start, pixelsPerImage = 784): Float32Array {
  const from = start * pixelsPerImage;
  const src = split.images.subarray(from, from + count * pixelsPerImage);
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i]! / 255;
  return out;
}

/** One-hot targets: Float32Array of labels.length × classes, 1 at each label's index. */
export function oneHot(labels: ArrayLike<number>, classes = MNIST_CLASSES): Float32Array {
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) out[i * classes + labels[i]!] = 1;
  return out;
}
