import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_EXAMPLES, deploymentWorked as w } from './deployment';

// The example tensors the chapter prints (content/*/deployment.mdx shows these values; keep them in step).
describe('the chapter’s example tensors', () => {
  it('are the ones printed in the prose', () => {
    expect(DEPLOYMENT_EXAMPLES.row.values).toEqual([-0.61, -0.24, -0.05, 0, 0.12, 0.37, 0.58, 0.88]);
    expect(DEPLOYMENT_EXAMPLES.kernel.shape).toEqual([4, 3]);
    expect(DEPLOYMENT_EXAMPLES.kernel.values).toEqual([0.12, -0.31, 2.4, -0.08, 0.22, -0.95, 0.27, 0.05, 0.61, -0.19, -0.14, -1.73]);
  });
});

describe('affine and symmetric quantization of the row example', () => {
  it('4-bit affine: s = 1.49/15, z = 6, 0.37 → q = 10 → ŵ = 4s', () => {
    // hand: s = (0.88 − (−0.61))/(2⁴ − 1) = 1.49/15 = 0.099333…; z = round(0.61/s) = round(6.141) = 6
    expect(w.quantScale('row', 4, 'affine', 'tensor')).toBeCloseTo(1.49 / 15, 6);
    expect(w.quantZeroPoint('row', 4, 'tensor')).toBe(6);
    // 0.37/s = 3.7248 → round 4 → q = 4 + 6 = 10; ŵ = (10 − 6)·s = 0.397333; |w − ŵ| = 0.027333
    expect(w.quantScaled('row', 4, 'affine', 'tensor', 5)).toBeCloseTo(3.7248, 3);
    expect(w.quantCode('row', 4, 'affine', 'tensor', 5)).toBe(10);
    expect(w.quantValue('row', 4, 'affine', 'tensor', 5)).toBeCloseTo(0.397333, 5);
    expect(w.quantError('row', 4, 'affine', 'tensor', 5)).toBeCloseTo(0.027333, 5);
    // the ends of the range map to codes 0 and 15; zero is stored exactly as code z
    expect(w.quantCode('row', 4, 'affine', 'tensor', 0)).toBe(0);
    expect(w.quantCode('row', 4, 'affine', 'tensor', 7)).toBe(15);
    expect(w.quantCode('row', 4, 'affine', 'tensor', 3)).toBe(6);
    expect(w.quantValue('row', 4, 'affine', 'tensor', 3)).toBe(0);
  });
  it('halves the scale for the bound: s/2 = 0.049667 at 4 bits', () => {
    // hand: 1.49/15/2 = 0.0496667; 8 bits: 1.49/255/2 = 0.0029216
    expect(w.quantHalfScale('row', 4, 'affine', 'tensor')).toBeCloseTo(0.0496667, 6);
    expect(w.quantHalfScale('row', 8, 'affine', 'tensor')).toBeCloseTo(0.0029216, 6);
  });
  it('keeps every round-trip error within s/2 (largest: −0.05 → −s, error 0.049333)', () => {
    // hand: −0.05/s = −0.503 → −1 → ŵ = −0.099333, error 0.049333 < s/2 = 0.049667
    const s4 = w.quantScale('row', 4, 'affine', 'tensor');
    expect(w.quantMaxError('row', 4, 'affine', 'tensor')).toBeCloseTo(0.049333, 5);
    expect(w.quantMaxError('row', 4, 'affine', 'tensor')).toBeLessThanOrEqual(s4 / 2);
    const s8 = w.quantScale('row', 8, 'affine', 'tensor');
    expect(w.quantMaxError('row', 8, 'affine', 'tensor')).toBeLessThanOrEqual(s8 / 2);
  });
  it('8-bit affine: s = 1.49/255, z = 104, 0.37 → q = 167', () => {
    // hand: s = 0.0058431; 0.61/s = 104.40 → z = 104; 0.37/s = 63.32 → 63 + 104 = 167; ŵ = 63·s = 0.368118
    expect(w.quantScale('row', 8, 'affine', 'tensor')).toBeCloseTo(1.49 / 255, 7);
    expect(w.quantZeroPoint('row', 8, 'tensor')).toBe(104);
    expect(w.quantCode('row', 8, 'affine', 'tensor', 5)).toBe(167);
    expect(w.quantValue('row', 8, 'affine', 'tensor', 5)).toBeCloseTo(0.368118, 5);
  });
  it('symmetric: s = max|w|/(2^(b−1) − 1), 0.37 → 53 at 8 bits and 3 at 4 bits', () => {
    // hand: 8 bits s = 0.88/127 = 0.0069291, 0.37/s = 53.40 → 53; 4 bits s = 0.88/7 = 0.125714, 0.37/s = 2.94 → 3, ŵ = 0.377143
    expect(w.quantScale('row', 8, 'symmetric', 'tensor')).toBeCloseTo(0.88 / 127, 7);
    expect(w.quantCode('row', 8, 'symmetric', 'tensor', 5)).toBe(53);
    expect(w.quantScale('row', 4, 'symmetric', 'tensor')).toBeCloseTo(0.88 / 7, 6);
    expect(w.quantCode('row', 4, 'symmetric', 'tensor', 5)).toBe(3);
    expect(w.quantValue('row', 4, 'symmetric', 'tensor', 5)).toBeCloseTo(0.377143, 5);
  });
  it('counts levels: 2^b affine, 2^b − 1 symmetric, 2 for one bit', () => {
    expect(w.quantLevels(2, 'symmetric')).toBe(3);
    expect(w.quantLevels(2, 'affine')).toBe(4);
    expect(w.quantLevels(8, 'symmetric')).toBe(255);
    expect(w.quantLevels(1, 'affine')).toBe(2);
  });
  it('2-bit symmetric has levels {−0.88, 0, 0.88}: four non-zero weights become 0, worst error 0.37', () => {
    // hand: |w| < 0.44 rounds to 0: −0.24, −0.05, 0.12, 0.37 (4 non-zero weights); 0.37 → 0 is the largest error
    expect(w.quantScale('row', 2, 'symmetric', 'tensor')).toBeCloseTo(0.88, 6);
    expect(w.quantZeroed('row', 2, 'symmetric', 'tensor')).toBe(4);
    expect(w.quantMaxError('row', 2, 'symmetric', 'tensor')).toBeCloseTo(0.37, 6);
    // 2-bit affine: s = 1.49/3, z = 1; −0.24, −0.05, 0.12 → 0 (3 zeroed); worst error 0.24
    expect(w.quantZeroed('row', 2, 'affine', 'tensor')).toBe(3);
    expect(w.quantMaxError('row', 2, 'affine', 'tensor')).toBeCloseTo(0.24, 6);
  });
  it('1 bit is sign × mean|w| = 2.85/8 = 0.35625; 0.88 comes back as 0.35625 (error 0.52375)', () => {
    // hand: Σ|w| = 0.61 + 0.24 + 0.05 + 0 + 0.12 + 0.37 + 0.58 + 0.88 = 2.85
    expect(w.quantScale('row', 1, 'symmetric', 'tensor')).toBeCloseTo(0.35625, 6);
    expect(w.quantValue('row', 1, 'symmetric', 'tensor', 7)).toBeCloseTo(0.35625, 6);
    expect(w.quantError('row', 1, 'symmetric', 'tensor', 7)).toBeCloseTo(0.52375, 6);
    expect(w.quantMaxError('row', 1, 'symmetric', 'tensor')).toBeCloseTo(0.52375, 6);
  });
});

describe('per tensor against per channel on the outlier kernel', () => {
  it('one scale of 2.4/7 zeroes four small weights; per-channel scales zero none', () => {
    // hand: per tensor s = 2.4/7 = 0.342857; 0.12, −0.08 (channel 0) and 0.05, −0.14 (channel 1) round to 0
    expect(w.quantScale('kernel', 4, 'symmetric', 'tensor')).toBeCloseTo(2.4 / 7, 6);
    expect(w.quantZeroed('kernel', 4, 'symmetric', 'tensor')).toBe(4);
    expect(w.quantZeroed('kernel', 4, 'symmetric', 'channel')).toBe(0);
    // per channel: s₀ = 0.27/7, s₁ = 0.31/7, s₂ = 2.4/7
    expect(w.quantScale('kernel', 4, 'symmetric', 'channel', 0)).toBeCloseTo(0.27 / 7, 6);
    expect(w.quantScale('kernel', 4, 'symmetric', 'channel', 1)).toBeCloseTo(0.31 / 7, 6);
    expect(w.quantScale('kernel', 4, 'symmetric', 'channel', 2)).toBeCloseTo(2.4 / 7, 6);
    expect(() => w.quantScale('kernel', 4, 'symmetric', 'tensor', 1)).toThrow();
  });
  it('channel 0’s worst error falls from 0.152857 to 0.004286', () => {
    // hand, per tensor: −0.19/s = −0.554 → −1 → −0.342857, error 0.152857
    expect(w.quantMaxError('kernel', 4, 'symmetric', 'tensor', 0)).toBeCloseTo(0.152857, 5);
    // hand, per channel: s₀ = 0.0385714; −0.08/s₀ = −2.074 → −2 → −0.0771429, error 0.0028571; 0.12/s₀ = 3.111 → 3 →
    // 0.1157143, error 0.0042857 (the largest)
    expect(w.quantMaxError('kernel', 4, 'symmetric', 'channel', 0)).toBeCloseTo(0.0042857, 6);
    // the outlier channel itself is unchanged: it had the tensor's scale either way
    expect(w.quantMaxError('kernel', 4, 'symmetric', 'channel', 2)).toBeCloseTo(w.quantMaxError('kernel', 4, 'symmetric', 'tensor', 2), 9);
  });
});

describe('exact storage', () => {
  it('packs codes and adds 4 bytes per scale and 1 per zero point', () => {
    // hand: 784·64 = 50,176 int8 codes + 64·4 = 256 → 50,432; 4-bit affine: 25,088 + 256 + 64 = 25,408
    expect(w.quantBytes(50_176, 8, 'symmetric', 64)).toBe(50_432);
    expect(w.quantBytes(50_176, 4, 'affine', 64)).toBe(25_408);
  });
  it('sizes the lab’s 784–64–10 network as compressModelWeights does', () => {
    // hand: 50,890 parameters (50,176 + 64 + 640 + 10) × 4 = 203,560 B
    expect(w.mlpFloatBytes([784, 64, 10])).toBe(203_560);
    // int8 per channel, symmetric: 50,432 + (640 + 40) + 74·4 = 51,408; ratio 203,560/51,408 = 3.9597
    expect(w.mlpQuantBytes([784, 64, 10], 8, 'symmetric', 'channel')).toBe(51_408);
    expect(w.mlpQuantRatio([784, 64, 10], 8, 'symmetric', 'channel')).toBeCloseTo(3.9597, 4);
    // int4 per channel: symmetric 25,344 + 360 + 296 = 26,000; affine adds 74 zero points → 26,074
    expect(w.mlpQuantBytes([784, 64, 10], 4, 'symmetric', 'channel')).toBe(26_000);
    expect(w.mlpQuantBytes([784, 64, 10], 4, 'affine', 'channel')).toBe(26_074);
    // 2-bit per tensor: 12,544 + 4 + 160 + 4 + 296 = 13,008; 1 bit per channel: 6,272 + 256 + 80 + 40 + 296 = 6,944
    expect(w.mlpQuantBytes([784, 64, 10], 2, 'symmetric', 'tensor')).toBe(13_008);
    expect(w.mlpQuantBytes([784, 64, 10], 1, 'symmetric', 'channel')).toBe(6_944);
  });
  it('prices group-wise formats in bits per weight', () => {
    // hand: 4 + 16/128 = 4.125 (int4, fp16 scale per 128); + 16-bit zero = 4.25; llama.cpp Q8_0 8 + 16/32 = 8.5; Q4_0 4.5
    expect(w.groupBitsPerWeight(4, 128, 16, 0)).toBe(4.125);
    expect(w.groupBitsPerWeight(4, 128, 16, 16)).toBe(4.25);
    expect(w.groupBitsPerWeight(8, 32, 16, 0)).toBe(8.5);
    expect(w.groupBitsPerWeight(4, 32, 16, 0)).toBe(4.5);
    expect(w.groupBytesPerWeight(4, 128, 16, 0)).toBe(0.515625);
    // An affine group stores a zero point too: fp16 scale + fp16 zero per 128 = 4 + 32/128 = 4.25 (0.53125 bytes);
    // a packed 4-bit zero (GPTQ and AWQ checkpoints) 4 + (16 + 4)/128 = 4.15625; llama.cpp Q4_1 (fp16 scale and min per 32) 5
    expect(w.groupBytesPerWeight(4, 128, 16, 16)).toBe(0.53125);
    expect(w.groupBitsPerWeight(4, 128, 16, 4)).toBe(4.15625);
    expect(w.groupBitsPerWeight(4, 32, 16, 16)).toBe(5);
    // QLoRA (Dettmers et al. 2023, §3): 32/64 = 0.5 extra bits without, 8/64 + 32/(64·256) = 0.127 with double quantization
    expect(w.groupBitsPerWeight(4, 64, 32, 0)).toBe(4.5);
    expect(w.qloraBitsPerWeight(64, 256)).toBeCloseTo(4.127, 3);
    expect(w.qloraBytesPerWeight(64, 256)).toBeCloseTo(4.126953125 / 8, 12);
    // float32: 4 bytes per weight; 784·64 = 50,176 weights → 200,704 B
    expect(w.float32Bytes(50_176)).toBe(200_704);
  });
  it('converts to gigabytes', () => {
    // hand: 7e9 × 16 bits = 14 GB; × 4.125 bits = 3.609375 GB
    expect(w.weightsGBAtBits(7e9, 16)).toBeCloseTo(14, 10);
    expect(w.weightsGBAtBits(7e9, 4.125)).toBeCloseTo(3.609375, 10);
    // 70e9 × 4.25 / 8 = 37.1875 GB of weights; × 1.2 = 44.625 GB to serve; at Q4_1's 5 bits 43.75 × 1.2 = 52.5 GB
    expect(w.weightsGBAtBits(70e9, 4.25)).toBeCloseTo(37.1875, 10);
    expect(w.servingGBAtBits(70e9, 4.25)).toBeCloseTo(44.625, 10);
    expect(w.servingGBAtBits(70e9, 5)).toBeCloseTo(52.5, 10);
  });
});

describe('pruning', () => {
  it('stores a bitmap plus the kept float32 values', () => {
    // hand: 50,176/8 = 6,272 bitmap bytes + 4·25,088 = 100,352 → 106,624 at 50 %; + 4·5,018 = 20,072 → 26,344 at 90 %
    // (90 % of 50,176 = 45,158.4 → 45,158 pruned, 5,018 kept)
    expect(w.prunedTensorBytes(50_176, 0.5)).toBe(106_624);
    expect(w.prunedTensorBytes(50_176, 0.9)).toBe(26_344);
  });
  it('sizes the pruned lab network', () => {
    // hand: 106,624 + (80 + 4·320 = 1,360) + 296 = 108,280; at 90 %: 26,344 + (80 + 4·64 = 336) + 296 = 26,976
    expect(w.mlpPrunedBytes([784, 64, 10], 0.5)).toBe(108_280);
    expect(w.mlpPrunedBytes([784, 64, 10], 0.9)).toBe(26_976);
  });
  it('finds where CSR beats the bitmap, and what 2:4 costs', () => {
    // hand: bitmap 1/8 + 4(1 − p) = CSR 8(1 − p) → 1 − p = 1/32 → p = 0.96875
    expect(w.bitmapCsrBreakEven(4)).toBe(0.96875);
    // 2:4 with fp16 values: (16 + 2)/2 = 9 bits per weight; 16/9 = 1.778×
    expect(w.twoFourBitsPerWeight(16)).toBe(9);
    expect(w.twoFourCompression(16)).toBeCloseTo(16 / 9, 10);
  });
});

describe('low rank', () => {
  it('counts k(m + n) parameters', () => {
    // hand: 4·(784 + 64) = 3,392; 32·848 = 27,136; break-even 50,176/848 = 59.17
    expect(w.lowRankParams(784, 64, 4)).toBe(3_392);
    expect(w.lowRankParams(784, 64, 32)).toBe(27_136);
    expect(w.lowRankBreakEven(784, 64)).toBeCloseTo(59.1698, 4);
    // LoRA at r = 8 on 4096 × 4096: 8·8192 = 65,536 = 1/256 of 16,777,216
    expect(w.lowRankParams(4096, 4096, 8)).toBe(65_536);
    expect(w.lowRankFraction(4096, 4096, 8)).toBe(1 / 256);
  });
  it('sizes the lab network at rank 4 and 32', () => {
    // hand, rank 4: 4·3,392 + 4·4·74 + 296 = 13,568 + 1,184 + 296 = 15,048
    // rank 32: the 64×10 kernel keeps min(32, 10) = 10 → 4·27,136 + 4·740 + 296 = 108,544 + 2,960 + 296 = 111,800
    expect(w.mlpLowRankBytes([784, 64, 10], 4)).toBe(15_048);
    expect(w.mlpLowRankBytes([784, 64, 10], 32)).toBe(111_800);
  });
  it('matches numpy’s singular values and the Eckart–Young error on the kernel', () => {
    // numpy.linalg.svd (float64) of the 4×3 kernel; ours starts from float32 inputs, so 6 digits: [3.18550241, 0.37731083, 0.1846914]; ‖A‖_F = 3.21308263
    expect(w.singularValue('kernel', 1)).toBeCloseTo(3.18550241, 6);
    expect(w.singularValue('kernel', 2)).toBeCloseTo(0.37731083, 6);
    expect(w.singularValue('kernel', 3)).toBeCloseTo(0.1846914, 6);
    expect(w.frobeniusNorm('kernel')).toBeCloseTo(3.21308263, 6);
    // rank 1: √(σ₂² + σ₃²) = 0.42008853, measured from the reconstruction too; relative 0.130743
    expect(w.eckartYoungError('kernel', 1)).toBeCloseTo(0.42008853, 6);
    expect(w.lowRankError('kernel', 1)).toBeCloseTo(0.42008853, 6);
    expect(w.lowRankRelError('kernel', 1)).toBeCloseTo(0.13074315, 6);
    // rank 2: the error is σ₃ alone
    expect(w.lowRankError('kernel', 2)).toBeCloseTo(0.1846914, 6);
  });
});

describe('hardware', () => {
  it('bounds batch-1 decode by memory bandwidth', () => {
    // hand: 3.35e12 B/s / 14e9 B = 239.29 tokens/s (7B in bf16 on an H100 SXM); / 3.609375e9 B = 928.14 at 4.125 bits
    expect(w.decodeTokensPerSecond(7e9, 16, 3.35e12)).toBeCloseTo(239.2857, 3);
    expect(w.decodeTokensPerSecond(7e9, 4.125, 3.35e12)).toBeCloseTo(928.1385, 3);
  });
  it('counts FLOPs per weight byte', () => {
    // hand: 2 FLOPs per weight per sequence; bf16 2 B → 1 FLOP/B at batch 1, 64 at batch 64
    expect(w.decodeIntensity(1, 2)).toBe(1);
    expect(w.decodeIntensity(64, 2)).toBe(64);
  });
});
