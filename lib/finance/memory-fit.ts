/**
 * `memoryFit`: whether a model fits in accelerator memory, per GPU, for training (weights, gradients and optimizer
 * state, with ZeRO sharding; activations not counted) or for serving (weights plus a 20 % allowance for the KV cache,
 * activations and the runtime, split evenly by tensor parallelism). Bytes per parameter come from lib/scale/memory.ts.
 */
import {
  GB,
  INFERENCE_OVERHEAD,
  OPTIMIZER_STATE_BYTES,
  PRECISIONS,
  TRAIN_GRADIENT_BYTES,
  TRAIN_WEIGHT_BYTES,
  type Optimizer,
  type Precision,
} from '../scale/memory';
import type { Bilingual } from '../i18n';
import { malformedInputs, negativeInputs, nonPositiveInputs, okFinite } from './checks';
import { fail, problem, type CalcProblem, type CalcResult } from './result';
import { memoryFitSchema, type MemoryFitInputs } from './schemas';

export interface MemoryFitOutputs {
  /** Bytes each GPU must hold. */
  bytesPerGpu: number;
  /** 1 if bytesPerGpu ≤ gpuMemoryGB · 1e9, else 0. */
  fits: number;
  /** The same bytes per GPU, by part. */
  detail?: { weights: number; gradients: number; optimizer: number; overhead: number };
}

const LABELS: Record<string, Bilingual> = {
  params: { en: 'The parameter count', zh: '参数量' },
  mode: { en: 'The mode', zh: '模式' },
  precision: { en: 'The precision', zh: '精度' },
  optimizer: { en: 'The optimizer', zh: '优化器' },
  zeroStage: { en: 'The ZeRO stage', zh: 'ZeRO 阶段' },
  gpus: { en: 'The number of GPUs', zh: 'GPU 数量' },
  gpuMemoryGB: { en: 'GPU memory', zh: '单卡显存' },
};

/**
 * Training bytes per GPU by part: bf16 weights (2 B) and gradients (2 B) and the optimizer's state per parameter;
 * ZeRO stage ≥ 1 shards the optimizer state over the GPUs, ≥ 2 also the gradients, 3 also the weights
 * (Rajbhandari et al. 2020). Without sharding every data-parallel GPU holds a full copy.
 */
export function trainingBytesPerGpu(
  params: number,
  optimizer: Optimizer,
  zeroStage: number,
  gpus: number,
): { weights: number; gradients: number; optimizer: number; overhead: number } {
  const shard = (stage: number) => (zeroStage >= stage ? gpus : 1);
  return {
    weights: (params * TRAIN_WEIGHT_BYTES) / shard(3),
    gradients: (params * TRAIN_GRADIENT_BYTES) / shard(2),
    optimizer: (params * OPTIMIZER_STATE_BYTES[optimizer]) / shard(1),
    overhead: 0,
  };
}

/** Serving bytes per GPU: weights in `precision` split evenly over the GPUs, plus 20 % of them for everything else. */
export function inferenceBytesPerGpu(
  params: number,
  precision: Precision,
  gpus: number,
): { weights: number; gradients: number; optimizer: number; overhead: number } {
  const weights = (params * PRECISIONS[precision]) / gpus;
  return { weights, gradients: 0, optimizer: 0, overhead: weights * (INFERENCE_OVERHEAD - 1) };
}

/** Bytes per GPU and whether they fit in `gpuMemoryGB` decimal gigabytes. */
export function memoryFit(inputs: MemoryFitInputs): CalcResult<MemoryFitOutputs> {
  const problems = [
    ...malformedInputs(memoryFitSchema, inputs, LABELS),
    ...negativeInputs(inputs, ['params'], LABELS),
    ...nonPositiveInputs(inputs, ['gpus', 'gpuMemoryGB'], LABELS),
  ];
  if (problems.length === 0 && ![0, 1, 2, 3].includes(inputs.zeroStage))
    problems.push(problem('badZeroStage', { zh: 'ZeRO 阶段只能是 0、1、2 或 3。', en: 'The ZeRO stage is 0, 1, 2 or 3.' }, 'zeroStage'));
  if (problems.length > 0) return fail(...problems);

  const notes: CalcProblem[] = [];
  const parts =
    inputs.mode === 'train'
      ? trainingBytesPerGpu(inputs.params, inputs.optimizer as Optimizer, inputs.zeroStage, inputs.gpus)
      : inferenceBytesPerGpu(inputs.params, inputs.precision as Precision, inputs.gpus);
  if (inputs.mode === 'train') {
    notes.push(
      problem(
        'trainPrecision',
        {
          zh: '训练按混合精度计算：bf16 权重和梯度，加上优化器状态，因此不使用「精度」这一设置。激活值未计入，它取决于批大小和序列长度。',
          en: 'Training is counted in mixed precision: bf16 weights and gradients plus the optimizer state, so the precision setting is not used. Activations are not counted; they depend on batch size and sequence length.',
        },
        'precision',
      ),
    );
    if (inputs.zeroStage === 0 && inputs.gpus > 1)
      notes.push(
        problem(
          'replicated',
          {
            zh: '不用 ZeRO 时，普通数据并行会在每张卡上各存一份完整的权重、梯度和优化器状态，所以增加 GPU 并不能降低单卡所需显存。',
            en: 'Without ZeRO, plain data parallelism keeps a full copy of weights, gradients and optimizer state on every GPU, so adding GPUs does not reduce the memory each one needs.',
          },
          'zeroStage',
        ),
      );
  } else if (inputs.zeroStage > 0) {
    notes.push(
      problem(
        'inferZero',
        {
          zh: 'ZeRO 切分的是训练状态；推理时权重按张量并行平均分到各张卡上，不使用 ZeRO 阶段这一设置。',
          en: 'ZeRO shards training state; for serving, the weights are split evenly over the GPUs (tensor parallelism) and the ZeRO stage is not used.',
        },
        'zeroStage',
      ),
    );
  }
  const bytesPerGpu = parts.weights + parts.gradients + parts.optimizer + parts.overhead;
  const fits = bytesPerGpu <= inputs.gpuMemoryGB * GB ? 1 : 0;
  return okFinite({ bytesPerGpu, fits, detail: parts }, notes);
}
