/**
 * Classification with a reject option: the model answers when its top probability reaches a threshold and hands the
 * case to a person otherwise (Chow 1970, https://doi.org/10.1109/TIT.1970.1054406). Raising the threshold trades
 * coverage (the share answered automatically) for accuracy on what is answered. Pure functions over labels,
 * predictions and confidences, all of the same length.
 */

/** What happens to n cases at one threshold. */
export interface Deferral {
  threshold: number;
  total: number;
  /** Cases whose top probability ≥ threshold: answered by the model. */
  automatedCount: number;
  /** automatedCount / total, in [0, 1] (0 when there are no cases). */
  automated: number;
  /** Share of the automated cases answered correctly; null when none is automated. */
  automatedAccuracy: number | null;
  /** Wrong answers among the automated cases. */
  errors: number;
  /** Cases sent to a person: total − automatedCount. */
  handedOff: number;
  /** errors / total: the share of all conversations that get a wrong automatic answer. */
  errorRate: number;
}

function checkLengths(labels: ArrayLike<number>, predictions: ArrayLike<number>, confidence: ArrayLike<number>): void {
  if (labels.length !== predictions.length || labels.length !== confidence.length) {
    throw new RangeError(`deferral: ${labels.length} labels, ${predictions.length} predictions and ${confidence.length} confidences`);
  }
}

/** The counts at one threshold: a case is automated when its confidence ≥ threshold (threshold 0 automates all). */
export function deferralAt(labels: ArrayLike<number>, predictions: ArrayLike<number>, confidence: ArrayLike<number>, threshold: number): Deferral {
  checkLengths(labels, predictions, confidence);
  const total = labels.length;
  let automatedCount = 0;
  let errors = 0;
  for (let i = 0; i < total; i++) {
    if (confidence[i]! >= threshold) {
      automatedCount++;
      if (predictions[i] !== labels[i]) errors++;
    }
  }
  return {
    threshold,
    total,
    automatedCount,
    automated: total ? automatedCount / total : 0,
    automatedAccuracy: automatedCount ? (automatedCount - errors) / automatedCount : null,
    errors,
    handedOff: total - automatedCount,
    errorRate: total ? errors / total : 0,
  };
}

/** Thresholds 0, step, 2·step, … up to max (inclusive, rounded to the step's decimals): the curve's x values. */
export function thresholdGrid(step = 0.01, max = 0.99): number[] {
  if (!(step > 0 && max >= 0)) throw new RangeError(`thresholdGrid: step ${step}, max ${max}`);
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  const out: number[] = [];
  for (let k = 0; k * step <= max + 1e-12; k++) out.push(Number((k * step).toFixed(decimals)));
  return out;
}

/**
 * The trade-off as the threshold moves: deferralAt at every threshold of the grid (default 0, 0.01, …, 0.99). Sorts
 * once and sweeps, so the cost is O(n log n + grid), not O(n · grid).
 */
export function deferralCurve(labels: ArrayLike<number>, predictions: ArrayLike<number>, confidence: ArrayLike<number>, thresholds: readonly number[] = thresholdGrid()): Deferral[] {
  checkLengths(labels, predictions, confidence);
  const total = labels.length;
  const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => confidence[b]! - confidence[a]!);
  // Sweeping from the highest threshold down, the automated set only grows.
  const byDescending = thresholds.map((t, i) => [t, i] as const).sort((a, b) => b[0] - a[0]);
  const out = new Array<Deferral>(thresholds.length);
  let k = 0;
  let errors = 0;
  for (const [t, slot] of byDescending) {
    while (k < total && confidence[order[k]!]! >= t) {
      if (predictions[order[k]!] !== labels[order[k]!]) errors++;
      k++;
    }
    out[slot] = {
      threshold: t,
      total,
      automatedCount: k,
      automated: total ? k / total : 0,
      automatedAccuracy: k ? (k - errors) / k : null,
      errors,
      handedOff: total - k,
      errorRate: total ? errors / total : 0,
    };
  }
  return out;
}

/**
 * The majority-class baseline: the class most frequent in the training labels (the lowest index on a tie), and the
 * accuracy of always answering it on the held-out labels. Any model worth serving must beat it.
 */
export function majorityBaseline(trainLabels: ArrayLike<number>, heldOutLabels: ArrayLike<number>, classes: number): { classIndex: number; accuracy: number } {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < trainLabels.length; i++) {
    const y = trainLabels[i]!;
    if (!(Number.isInteger(y) && y >= 0 && y < classes)) throw new RangeError(`majorityBaseline: label ${y} is not a class 0…${classes - 1}`);
    counts[y]! += 1;
  }
  let classIndex = 0;
  for (let c = 1; c < classes; c++) if (counts[c]! > counts[classIndex]!) classIndex = c;
  let hits = 0;
  for (let i = 0; i < heldOutLabels.length; i++) if (heldOutLabels[i] === classIndex) hits++;
  return { classIndex, accuracy: heldOutLabels.length ? hits / heldOutLabels.length : NaN };
}

/** One class's row of the per-class table at a threshold. */
export interface ClassDeferral {
  /** Held-out cases of this class. */
  support: number;
  /** Share of them the model predicts right (threshold ignored); null with no support. */
  recall: number | null;
  /** Share of the cases predicted as this class that are of it; null when none is. */
  precision: number | null;
  /** Share of this class's cases automated at the threshold; null with no support. */
  automated: number | null;
  /** Wrong automatic answers given to this class's cases at the threshold. */
  errors: number;
  /** The class its cases are most often mistaken for (any threshold), or null when never mistaken. */
  confusedWith: number | null;
  /** How many of its cases go to confusedWith. */
  confusedCount: number;
}

/** Per-class recall, precision, coverage and automatic errors at a threshold, from the same three arrays. */
export function perClassDeferral(labels: ArrayLike<number>, predictions: ArrayLike<number>, confidence: ArrayLike<number>, threshold: number, classes: number): ClassDeferral[] {
  checkLengths(labels, predictions, confidence);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const automated = new Array<number>(classes).fill(0);
  const errors = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    const p = predictions[i]!;
    confusion[y]![p]! += 1;
    if (confidence[i]! >= threshold) {
      automated[y]! += 1;
      if (p !== y) errors[y]! += 1;
    }
  }
  return confusion.map((row, c) => {
    const support = row.reduce((s, x) => s + x, 0);
    const predicted = confusion.reduce((s, r) => s + r[c]!, 0);
    let confusedWith: number | null = null;
    let confusedCount = 0;
    row.forEach((n, j) => {
      if (j !== c && n > confusedCount) {
        confusedWith = j;
        confusedCount = n;
      }
    });
    return {
      support,
      recall: support ? row[c]! / support : null,
      precision: predicted ? row[c]! / predicted : null,
      automated: support ? automated[c]! / support : null,
      errors: errors[c]!,
      confusedWith,
      confusedCount,
    };
  });
}
