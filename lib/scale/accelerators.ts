/**
 * Common accelerators and their on-device memory. The list is dated because the market moves.
 *
 * Units. Device memory (HBM, GDDR) is built in binary sizes, and the "GB" of a GPU's name is a binary unit: an
 * "80 GB" A100 holds 80 GiB = 80 · 2³⁰ bytes, and `nvidia-smi` reports it as 81,920 MiB. The book states model sizes
 * in decimal GB (10⁹ bytes, the unit of file sizes), so every comparison here is made in bytes: an "80 GB" card holds
 * about 85.9 decimal GB.
 *
 * What is stored. For NVIDIA cards, `memoryMiB` is the memory the driver reports (nvidia-smi's memory.total), which
 * is what a program can allocate at most; it is a little under the nominal size where the driver reserves some
 * (H100: 81,559 MiB, 79.6 GiB; H200 "141 GB": 143,771 MiB, 140.4 GiB) or where ECC takes its share of GDDR memory
 * (L40S with ECC on, the data-centre default: 46,068 MiB of 48 GiB). For AMD and Google, whose tools we have no
 * reading of, it is the data sheet's capacity read as GiB (MI300X 192, TPU v5e 16, TPU v5p 95).
 */
export const ACCELERATORS_AS_OF = '2026-12';

/** Bytes in one MiB (2²⁰) and one GiB (2³⁰). */
export const MiB = 2 ** 20;
export const GiB = 2 ** 30;

export interface Accelerator {
  id: string;
  name: string;
  vendor: 'NVIDIA' | 'AMD' | 'Google' | 'Apple';
  kind: 'datacenter' | 'workstation' | 'consumer';
  /** The capacity in the product's name or data sheet ("80 GB"), a binary unit despite the letters. */
  nominalGB: number;
  /** Memory a program can use, in MiB: as the driver reports it (`source: 'driver'`) or the nominal GiB × 1024. */
  memoryMiB: number;
  /** Where memoryMiB comes from. */
  source: 'driver' | 'datasheet';
  /** memoryMiB in bytes. */
  memoryBytes: number;
  /** memoryMiB in GiB (2³⁰ bytes). */
  memoryGiB: number;
  /** memoryMiB in decimal GB (10⁹ bytes), the unit of the book's model sizes: 85.5 for an H100. */
  memoryGB: number;
}

function accelerator(
  id: string,
  name: string,
  vendor: Accelerator['vendor'],
  kind: Accelerator['kind'],
  nominalGB: number,
  memoryMiB: number,
  source: Accelerator['source'],
): Accelerator {
  const memoryBytes = memoryMiB * MiB;
  return { id, name, vendor, kind, nominalGB, memoryMiB, source, memoryBytes, memoryGiB: memoryBytes / GiB, memoryGB: memoryBytes / 1e9 };
}

export const ACCELERATORS: readonly Accelerator[] = [
  accelerator('rtx4090', 'GeForce RTX 4090', 'NVIDIA', 'consumer', 24, 24_564, 'driver'),
  accelerator('rtx5090', 'GeForce RTX 5090', 'NVIDIA', 'consumer', 32, 32_607, 'driver'),
  accelerator('l40s', 'L40S', 'NVIDIA', 'workstation', 48, 46_068, 'driver'),
  accelerator('a100-40', 'A100 40GB', 'NVIDIA', 'datacenter', 40, 40_960, 'driver'),
  accelerator('a100-80', 'A100 80GB', 'NVIDIA', 'datacenter', 80, 81_920, 'driver'),
  accelerator('h100', 'H100 SXM', 'NVIDIA', 'datacenter', 80, 81_559, 'driver'),
  accelerator('h200', 'H200', 'NVIDIA', 'datacenter', 141, 143_771, 'driver'),
  accelerator('b200', 'B200', 'NVIDIA', 'datacenter', 180, 183_359, 'driver'),
  accelerator('mi300x', 'Instinct MI300X', 'AMD', 'datacenter', 192, 192 * 1024, 'datasheet'),
  accelerator('tpu-v5e', 'TPU v5e', 'Google', 'datacenter', 16, 16 * 1024, 'datasheet'),
  accelerator('tpu-v5p', 'TPU v5p', 'Google', 'datacenter', 95, 95 * 1024, 'datasheet'),
];

/** The accelerator with this id, or an error naming the ids there are. */
export function acceleratorById(id: string): Accelerator {
  const a = ACCELERATORS.find((x) => x.id === id);
  if (!a) throw new Error(`unknown accelerator "${id}"; expected one of ${ACCELERATORS.map((x) => x.id).join(', ')}`);
  return a;
}
