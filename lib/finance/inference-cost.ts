/**
 * `inferenceCost`: the cost of generating tokens. One decode step produces one token for each of `batch` sequences;
 * it must read all the weights and every sequence's KV cache from memory, and do 2·params FLOPs per token, so it takes
 * at least the longer of the memory time and the compute time (a roofline bound). Cost per million tokens follows from
 * the throughput and the hourly price.
 */
import type { Bilingual } from '../i18n';
import { malformedInputs, mfuProblems, negativeInputs, nonPositiveInputs, okFinite } from './checks';
import { fail, problem, type CalcProblem, type CalcResult } from './result';
import { inferenceCostSchema, type InferenceCostInputs } from './schemas';

export interface InferenceCostOutputs {
  /** KV cache per token, bytes: 2 (K and V) · layers · kvHeads · headDim · bytesPerValue. */
  kvBytesPerToken: number;
  /** Seconds per decode step (one token for each sequence in the batch). */
  stepSeconds: number;
  /** Generated tokens per second: batch / stepSeconds. */
  tokensPerSecond: number;
  /** USD per million generated tokens. */
  costPerMillion: number;
  detail?: {
    /** Which bound sets the step time. */
    bound: 'memory' | 'compute';
    /** (weights + batch·context·kvBytesPerToken) / bandwidth, seconds. */
    memorySeconds: number;
    /** 2·params·batch / (peakFlops·mfu), seconds. */
    computeSeconds: number;
  };
}

const LABELS: Record<string, Bilingual> = {
  params: { en: 'The parameter count', zh: '参数量' },
  bytesPerParam: { en: 'Bytes per weight', zh: '每个权重的字节数' },
  layers: { en: 'The number of layers', zh: '层数' },
  kvHeads: { en: 'The number of KV heads', zh: 'KV 头数' },
  headDim: { en: 'The head dimension', zh: '每头维度' },
  bytesPerValue: { en: 'Bytes per KV value', zh: 'KV 缓存每个值的字节数' },
  context: { en: 'The context length', zh: '上下文长度' },
  batch: { en: 'The batch size', zh: '批大小' },
  bandwidth: { en: 'Memory bandwidth', zh: '显存带宽' },
  peakFlops: { en: 'Peak FLOP/s', zh: '峰值算力' },
  mfu: { en: 'MFU', zh: 'MFU' },
  pricePerGpuHour: { en: 'The price per GPU-hour', zh: '每 GPU 小时价格' },
};

/** KV cache bytes per token: 2 (K and V) · layers · kvHeads · headDim · bytesPerValue. */
export function kvBytesPerToken(layers: number, kvHeads: number, headDim: number, bytesPerValue: number): number {
  return 2 * layers * kvHeads * headDim * bytesPerValue;
}

/** USD per million tokens for a GPU rented at `pricePerGpuHour` that generates `tokensPerSecond`. */
export function costPerMillionTokens(pricePerGpuHour: number, tokensPerSecond: number): number {
  return (pricePerGpuHour / (tokensPerSecond * 3600)) * 1e6;
}

/** Decode step time, throughput and cost per million tokens of one accelerator. */
export function inferenceCost(inputs: InferenceCostInputs): CalcResult<InferenceCostOutputs> {
  const problems = [
    ...malformedInputs(inferenceCostSchema, inputs, LABELS),
    ...negativeInputs(inputs, ['params', 'bytesPerParam', 'layers', 'kvHeads', 'headDim', 'bytesPerValue', 'context', 'pricePerGpuHour'], LABELS),
    ...nonPositiveInputs(inputs, ['batch', 'bandwidth', 'peakFlops'], LABELS),
  ];
  if (problems.length === 0) problems.push(...mfuProblems(inputs.mfu));
  if (problems.length > 0) return fail(...problems);

  const kv = kvBytesPerToken(inputs.layers, inputs.kvHeads, inputs.headDim, inputs.bytesPerValue);
  const weightBytes = inputs.params * inputs.bytesPerParam;
  const memorySeconds = (weightBytes + inputs.batch * inputs.context * kv) / inputs.bandwidth;
  const computeSeconds = (2 * inputs.params * inputs.batch) / (inputs.peakFlops * inputs.mfu);
  const stepSeconds = Math.max(memorySeconds, computeSeconds);
  if (!(stepSeconds > 0))
    return fail(
      problem(
        'zeroWork',
        {
          zh: '参数量为 0 且 KV 缓存为空时，一次解码没有任何计算量，吞吐量和成本都没有意义。',
          en: 'With 0 parameters and an empty KV cache a decode step does no work, so throughput and cost are undefined.',
        },
        'params',
      ),
    );
  const tokensPerSecond = inputs.batch / stepSeconds;
  const costPerMillion = costPerMillionTokens(inputs.pricePerGpuHour, tokensPerSecond);
  const bound = memorySeconds >= computeSeconds ? 'memory' : 'compute';
  const notes: CalcProblem[] = [
    bound === 'memory'
      ? problem(
          'memoryBound',
          {
            zh: '受显存带宽限制：每一步的时间都花在读取权重和 KV 缓存上，因此在计算时间追上来之前，加大批量几乎不会拖慢每一步，吞吐随之上升。',
            en: 'Memory-bound: each step waits on reading the weights and KV cache, so a larger batch raises throughput almost for free until the compute time catches up.',
          },
        )
      : problem(
          'computeBound',
          {
            zh: '受算力限制：每一步都在等待计算，再加大批量已无法提高吞吐；降低价格或提高 MFU 才有效。',
            en: 'Compute-bound: each step waits on arithmetic, so a larger batch no longer raises throughput; a cheaper price or a higher MFU does.',
          },
        ),
  ];
  return okFinite({ kvBytesPerToken: kv, stepSeconds, tokensPerSecond, costPerMillion, detail: { bound, memorySeconds, computeSeconds } }, notes);
}
