/**
 * Common accelerators and their on-device memory, in decimal GB as the vendors state it.
 * Checked against the vendors' data sheets; the list is dated because the market moves.
 */
export const ACCELERATORS_AS_OF = '2026-11';

export interface Accelerator {
  id: string;
  name: string;
  vendor: 'NVIDIA' | 'AMD' | 'Google' | 'Apple';
  /** Memory in GB (1e9 bytes). */
  memoryGB: number;
  kind: 'datacenter' | 'workstation' | 'consumer';
}

export const ACCELERATORS: readonly Accelerator[] = [
  { id: 'rtx4090', name: 'GeForce RTX 4090', vendor: 'NVIDIA', memoryGB: 24, kind: 'consumer' },
  { id: 'rtx5090', name: 'GeForce RTX 5090', vendor: 'NVIDIA', memoryGB: 32, kind: 'consumer' },
  { id: 'l40s', name: 'L40S', vendor: 'NVIDIA', memoryGB: 48, kind: 'workstation' },
  { id: 'a100-40', name: 'A100 40GB', vendor: 'NVIDIA', memoryGB: 40, kind: 'datacenter' },
  { id: 'a100-80', name: 'A100 80GB', vendor: 'NVIDIA', memoryGB: 80, kind: 'datacenter' },
  { id: 'h100', name: 'H100 SXM', vendor: 'NVIDIA', memoryGB: 80, kind: 'datacenter' },
  { id: 'h200', name: 'H200', vendor: 'NVIDIA', memoryGB: 141, kind: 'datacenter' },
  { id: 'b200', name: 'B200', vendor: 'NVIDIA', memoryGB: 180, kind: 'datacenter' },
  { id: 'mi300x', name: 'Instinct MI300X', vendor: 'AMD', memoryGB: 192, kind: 'datacenter' },
  { id: 'tpu-v5e', name: 'TPU v5e', vendor: 'Google', memoryGB: 16, kind: 'datacenter' },
  { id: 'tpu-v5p', name: 'TPU v5p', vendor: 'Google', memoryGB: 95, kind: 'datacenter' },
];
