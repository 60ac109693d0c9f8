/**
 * A model the reader trained, kept for other widgets on other pages: the digit MLP trained in Chapter 4's
 * DigitsTrainer is what Chapter 6's Quantization Lab compresses when the reader asks for it. Weights are stored in
 * IndexedDB (available in pages and workers alike), so a model survives navigation without being downloaded or
 * retrained; where IndexedDB is missing or refuses (a private window, a test runner) nothing is stored and loading
 * finds nothing. Framework-free and tfjs-free.
 */

/** What is stored: enough to rebuild the model and to tell the reader which one it is. */
export interface StoredModel {
  /** The architecture, as the book's MLP config writes it: 784 → hidden → 10, ReLU, softmax. */
  kind: 'mlp';
  inputDim: number;
  hidden: number[];
  outputUnits: number;
  /** Weights in model.weights order, and their shapes. */
  weights: Float32Array[];
  shapes: number[][];
  /** Steps it was trained for, and its accuracy on the 1,000 test digits then. */
  step: number;
  testAccuracy: number;
  seed: number;
  /** Date.now() when stored. */
  savedAt: number;
}

const DB = 'ai-startup-book';
const STORE = 'models';
/** The key of the digit MLP trained in DigitsTrainer. */
export const DIGITS_MODEL_KEY = 'digits-mlp';

/** Checks that a stored record is a model the book can rebuild (shapes agree with the architecture and the data). */
export function isStoredModel(v: unknown): v is StoredModel {
  if (!v || typeof v !== 'object') return false;
  const m = v as Partial<StoredModel>;
  if (m.kind !== 'mlp' || !Number.isInteger(m.inputDim) || !Array.isArray(m.hidden) || !Number.isInteger(m.outputUnits)) return false;
  if (!Array.isArray(m.weights) || !Array.isArray(m.shapes) || m.weights.length !== m.shapes.length) return false;
  const widths = [m.inputDim!, ...m.hidden, m.outputUnits!];
  if (m.weights.length !== 2 * (widths.length - 1)) return false;
  for (let l = 0; l < widths.length - 1; l++) {
    const kernel = m.shapes[2 * l]!;
    const bias = m.shapes[2 * l + 1]!;
    if (kernel.length !== 2 || kernel[0] !== widths[l] || kernel[1] !== widths[l + 1] || bias.length !== 1 || bias[0] !== widths[l + 1]) return false;
  }
  return m.weights.every((w, i) => w instanceof Float32Array && w.length === m.shapes![i]!.reduce((a, b) => a * b, 1)) && Number.isFinite(m.step) && Number.isFinite(m.testAccuracy);
}

function openDb(): Promise<IDBDatabase | null> {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return Promise.resolve(null);
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(DB, 1);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

/** Stores a model under a key, replacing the last one; resolves false where nothing could be stored. */
export async function storeModel(key: string, model: StoredModel): Promise<boolean> {
  const db = await openDb();
  if (!db) return false;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(model, key);
      tx.oncomplete = () => (db.close(), resolve(true));
      tx.onerror = () => (db.close(), resolve(false));
      tx.onabort = () => (db.close(), resolve(false));
    } catch {
      db.close();
      resolve(false);
    }
  });
}

/** The model stored under a key, or null when there is none (or it is not one the book can rebuild). */
export async function loadModel(key: string): Promise<StoredModel | null> {
  const db = await openDb();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
      req.onsuccess = () => (db.close(), resolve(isStoredModel(req.result) ? req.result : null));
      req.onerror = () => (db.close(), resolve(null));
    } catch {
      db.close();
      resolve(null);
    }
  });
}
