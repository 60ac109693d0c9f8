/**
 * AnomalyLab: an autoencoder trained live, on normal card transactions only, whose reconstruction error is the anomaly
 * score of a held-out mix of normal transactions and injected frauds of known kinds (lib/ml/transactions.ts).
 *
 * The model: 13 standardised features → 16 → bottleneck (3 by default) → 16 → 13 (tanh hidden layers, linear output),
 * mean squared error with the inputs as targets, Adam, batches of 64 over 3,000 training normals (46 steps an epoch).
 * A transaction it reconstructs badly is unlike the normals it learned from: the generator's frauds mostly keep each
 * feature in its normal range and break how the features go together (a trip's distance minutes after the previous
 * purchase, a jeweller's amount at a grocery till, a shop open at 3 a.m.), which only a model of the joint pattern sees.
 *
 * The threshold is a percentile of the training normals' scores (0.98: the score that 2 % of the training normals
 * exceed), so the reader chooses how many honest customers to bother rather than a raw score. The frame carries the
 * held-out scores and the sorted training scores; everything that depends on the threshold or the costs (precision,
 * recall, flag rate, cost, the catch by fraud kind) is computed from them on the page by `readAnomaly`, so moving the
 * threshold answers at once, paused or training, without a round trip to the worker.
 *
 * Two baselines: the score with no model, each transaction's mean squared z-score, its distance from the average
 * transaction (`distanceScores`), at the same percentile of its own training scores; and the same autoencoder before
 * any training (`untrainedAuc`: its small random weights answer something close to the average transaction, so its error
 * ranks transactions much as the distance does). Training earns its keep by the gap between them and `auc`.
 *
 * The view's test contract (`data-result="anomalyLab.<name>"`, raw number in `data-value`, fractions 0–1):
 * `precision`, `recall`, `chanceRecall` (= `flagRate`: a random flagger at that rate catches that share of frauds),
 * `flagRate`, `auc`, `cost`, `costMissed`, `costAlarms`, `threshold` (the percentile), `scoreThreshold` (the score at
 * it), `epoch`, `loss` (mean reconstruction error of the training normals), `flagged`, `caught`, `frauds`,
 * `falseAlarms`, `missed`, `baselineAuc`, `baselineRecall`, `untrainedAuc`, `bestCost`, `bestFlagRate`, `bestRecall`, `params`, and per
 * fraud kind `recall.<kind>` and `caught.<kind>`.
 */
import { bilingual } from '../i18n';
import {
  FEATURE_COUNT,
  FRAUD_KINDS,
  aucByKind,
  cheapest,
  quantileSorted,
  recallByKind,
  rocAuc,
  sweep,
  thresholdReport,
  type FraudKind,
  type SweepPoint,
  type ThresholdReport,
} from '../ml/transactions';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type Snapshot, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const ANOMALY_LAB_ID = 'anomalyLab';

/** Normal transactions the autoencoder trains on. */
export const TRAIN_SIZE = 3000;
/** Transactions in the held-out mix (normals and frauds). */
export const TEST_SIZE = 4000;
export const BATCH = 64;
/** Width of the two hidden layers around the bottleneck. */
export const HIDDEN = 16;
export const FRAUD_RATES = [0.005, 0.01, 0.02, 0.05, 0.1] as const;
/** Up to the number of features (13): a bottleneck that wide no longer forces any compression. */
export const BOTTLENECKS = [1, 2, 3, 4, 6, 8, 13] as const;
export const LEARNING_RATES = [0.0003, 0.001, 0.003, 0.01, 0.03] as const;
export const EPOCH_LADDER = [5, 10, 20, 30, 50, 100] as const;
export const PERCENTILES = [0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999] as const;

export const anomalyLabSchema = {
  threshold: {
    type: 'number',
    default: 0.98,
    min: 0.5,
    max: 0.9999,
    ladder: PERCENTILES,
    digits: 3,
    live: true,
    label: { zh: '阈值：正常训练交易分数的分位数', en: 'Threshold: percentile of the normal training scores' },
    hint: {
      zh: '0.98 表示：训练用的正常交易里有 2% 的重构误差超过阈值。分数不低于阈值的交易被标记，送去人工审核。',
      en: '0.98 means 2% of the normal training transactions score above it. A transaction scoring at or above the threshold is flagged for review.',
    },
  },
  costFn: {
    type: 'number',
    default: 150,
    min: 0,
    max: 1e6,
    control: 'number',
    live: true,
    group: 'costs',
    unit: { zh: '美元', en: 'USD' },
    label: { zh: '漏掉一笔欺诈的代价', en: 'Cost of a missed fraud' },
    hint: { zh: '被盗刷的金额、拒付处理费和客户流失。', en: 'The money taken, the chargeback handling, the customer who leaves.' },
  },
  costFp: {
    type: 'number',
    default: 5,
    min: 0,
    max: 1e6,
    control: 'number',
    live: true,
    group: 'costs',
    unit: { zh: '美元', en: 'USD' },
    label: { zh: '一次误报的代价', en: 'Cost of a false alarm' },
    hint: { zh: '审核员的时间、给持卡人的确认电话、被拒的正常消费。', en: 'An analyst’s time, a call to the cardholder, a good purchase declined.' },
  },
  fraudRate: {
    type: 'number',
    default: 0.02,
    min: 0.001,
    max: 0.2,
    ladder: FRAUD_RATES,
    control: 'select',
    digits: 3,
    group: 'data',
    label: { zh: '测试集中的欺诈比例', en: 'Share of frauds in the held-out mix' },
    hint: {
      zh: `测试集共 ${TEST_SIZE.toLocaleString('zh-CN')} 笔交易；训练只用另外 ${TRAIN_SIZE.toLocaleString('zh-CN')} 笔正常交易，从不看到欺诈。`,
      en: `The held-out mix has ${TEST_SIZE.toLocaleString('en-US')} transactions; training uses ${TRAIN_SIZE.toLocaleString('en-US')} other, normal ones and never sees a fraud.`,
    },
  },
  bottleneck: {
    type: 'number',
    default: 3,
    min: 1,
    max: FEATURE_COUNT,
    integer: true,
    ladder: BOTTLENECKS,
    group: 'model',
    label: { zh: '瓶颈层宽度', en: 'Bottleneck width' },
    hint: {
      zh: '13 个特征被压缩成这么多个数再还原。太窄，连正常交易也还原不好；设为 13 就不再有任何压缩：看看网络会不会连欺诈也一并还原。',
      en: 'The 13 features are squeezed into this many numbers and rebuilt. Too narrow and even normal transactions come back badly; at 13 nothing forces a compression: see whether the network then rebuilds the frauds as well.',
    },
  },
  lr: {
    type: 'number',
    default: 0.01,
    min: 0.00001,
    max: 0.1,
    ladder: LEARNING_RATES,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '学习率（Adam）', en: 'Learning rate (Adam)' },
  },
  epochs: {
    type: 'number',
    default: 30,
    min: 1,
    max: 200,
    integer: true,
    ladder: EPOCH_LADDER,
    live: true,
    group: 'training',
    label: { zh: '训练轮数', en: 'Epochs to train' },
  },
  seed: seedField('training'),
  backend: backendField('training'),
} satisfies Schema;

export type AnomalyLabValues = Values<typeof anomalyLabSchema>;

// ─── Sizes ───────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Hidden layers of the autoencoder: HIDDEN → bottleneck → HIDDEN. */
export function autoencoderLayers(bottleneck: number): number[] {
  return [HIDDEN, bottleneck, HIDDEN];
}

/** Trainable parameters of 13 → 16 → b → 16 → 13 (weights + biases). */
export function autoencoderParams(bottleneck: number): number {
  let n = 0;
  let fanIn = FEATURE_COUNT;
  for (const units of [...autoencoderLayers(bottleneck), FEATURE_COUNT]) {
    n += fanIn * units + units;
    fanIn = units;
  }
  return n;
}

/** Steps in one pass over the training normals (the trainer drops the last partial batch). */
export const STEPS_PER_EPOCH = Math.floor(TRAIN_SIZE / BATCH);

export function epochOfStep(step: number): number {
  return Math.floor(step / STEPS_PER_EPOCH);
}

// ─── The reading at a threshold ──────────────────────────────────────────────────────────────────────────────────────

export interface KindReading {
  kind: FraudKind;
  count: number;
  caught: number;
  recall: number;
  /** ROC AUC of this kind against the normal transactions. */
  auc: number;
}

export interface AnomalyReading {
  /** The percentile asked for. */
  percentile: number;
  /** The score at that percentile of the training normals' scores. */
  scoreThreshold: number;
  report: ThresholdReport;
  auc: number;
  byKind: KindReading[];
  /** Every operating point on the held-out mix, highest threshold first. */
  points: SweepPoint[];
  /** The cheapest operating point on the held-out mix (chosen on it: an optimistic cost). */
  best: { point: SweepPoint; cost: number };
  frauds: number;
}

/**
 * Everything the view shows at the reader's threshold and costs: the score threshold (the percentile of the training
 * normals' sorted scores), the counts and cost on the held-out mix, its AUC, the catch per fraud kind and the sweep.
 */
export function readAnomaly(
  scores: ArrayLike<number>,
  trainSorted: ArrayLike<number>,
  labels: ArrayLike<number>,
  kinds: ArrayLike<number>,
  v: { threshold: number; costFn: number; costFp: number },
): AnomalyReading {
  const scoreThreshold = quantileSorted(trainSorted, v.threshold);
  const report = thresholdReport(scores, labels, scoreThreshold, v.costFn, v.costFp);
  const kindAuc = aucByKind(scores, kinds);
  const byKind = recallByKind(scores, kinds, scoreThreshold).map((k, i) => ({ ...k, auc: kindAuc[i]! }));
  const points = sweep(scores, labels);
  const frauds = report.tp + report.fn;
  return { percentile: v.threshold, scoreThreshold, report, auc: rocAuc(scores, labels), byKind, points, best: cheapest(points, frauds, v.costFn, v.costFp), frauds };
}

// ─── The training task ───────────────────────────────────────────────────────────────────────────────────────────────

export interface AnomalyLabInfo {
  params: number;
  stepsPerEpoch: number;
  trainSize: number;
  testSize: number;
  /** Frauds of each kind in the held-out mix (FRAUD_KINDS order). */
  fraudsByKind: number[];
  /** 1 fraud / 0 normal, per held-out transaction. */
  labels: Uint8Array;
  /** 0 normal, 1 + FRAUD_KINDS index, per held-out transaction. */
  kinds: Uint8Array;
  /** The no-model baseline: distance scores of the held-out mix, and of the training normals (ascending). */
  baselineScores: Float32Array;
  baselineTrainSorted: Float32Array;
  baselineAuc: number;
  /** ROC AUC of the same autoencoder at its initial weights, before any training. */
  untrainedAuc: number;
}

export interface AnomalyLabExtra {
  /** Reconstruction error of each held-out transaction. */
  scores: Float32Array;
  /** Reconstruction errors of the training normals, ascending (the threshold is a percentile of these). */
  trainSorted: Float32Array;
}

const task: TrainingTask<AnomalyLabValues, AnomalyLabInfo, AnomalyLabExtra> = {
  async build({ tf }, s) {
    const [{ buildModel, checkModelConfig }, { createTrainer }, { makeAnomalyData, reconstructionErrors, distanceScores }, { saveWeights, restoreWeights }] = await Promise.all([
      import('../ml/models'),
      import('../ml/train'),
      import('../ml/transactions'),
      import('../training/snapshot'),
    ]);
    const config = {
      kind: 'mlp' as const,
      inputDim: FEATURE_COUNT,
      hidden: autoencoderLayers(s.bottleneck),
      activation: 'tanh' as const,
      outputUnits: FEATURE_COUNT,
      outputActivation: 'linear' as const,
      seed: s.seed,
    };
    const problems = checkModelConfig(config, BATCH);
    if (problems.length) throw new TaskRefused(problems.map((p) => p.message));
    const data = makeAnomalyData({ seed: s.seed, trainSize: TRAIN_SIZE, testSize: TEST_SIZE, fraudRate: s.fraudRate });
    const baselineScores = distanceScores(data.test, FEATURE_COUNT);
    const baselineTrainSorted = distanceScores(data.train, FEATURE_COUNT).sort();
    // Both sets in one block, so a frame reconstructs them with one forward pass and one read-back.
    const all = new Float32Array(data.train.length + data.test.length);
    all.set(data.train);
    all.set(data.test, data.train.length);

    const xs = tf.tensor2d(data.train, [TRAIN_SIZE, FEATURE_COUNT]);
    const model = buildModel(config);
    // The inputs are their own targets: the trainer slices the same rows of both.
    const trainer = createTrainer({ tf, model, data: { xs, ys: xs }, loss: 'meanSquaredError', optimizer: 'adam', learningRate: s.lr, batchSize: BATCH, seed: s.seed, readLossEvery: 5 });
    // The untrained network's AUC (one forward pass at the initial weights): what training adds is measured from here.
    const untrainedScores = reconstructionErrors(data.test, await trainer.predictGrid(data.test, FEATURE_COUNT), FEATURE_COUNT);

    const run = {
      info: {
        params: autoencoderParams(s.bottleneck),
        stepsPerEpoch: STEPS_PER_EPOCH,
        trainSize: TRAIN_SIZE,
        testSize: TEST_SIZE,
        fraudsByKind: data.fraudsByKind,
        labels: data.labels,
        kinds: data.kinds,
        baselineScores,
        baselineTrainSorted,
        baselineAuc: rocAuc(baselineScores, data.labels),
        untrainedAuc: rocAuc(untrainedScores, data.labels),
      },
      targetSteps: s.epochs * STEPS_PER_EPOCH,
      step: (n: number) => trainer.step(n),
      warmUp: () => trainer.warmUp(),
      progress: () => trainer.progress(),
      async frame() {
        const rebuilt = await trainer.predictGrid(all, FEATURE_COUNT);
        const errors = reconstructionErrors(all, rebuilt, FEATURE_COUNT);
        const trainSorted = errors.slice(0, TRAIN_SIZE).sort();
        const scores = errors.slice(TRAIN_SIZE);
        let sum = 0;
        for (const e of trainSorted) sum += e;
        return {
          metrics: { epoch: epochOfStep(trainer.progress().step), loss: sum / TRAIN_SIZE, auc: rocAuc(scores, data.labels) },
          extra: { scores, trainSorted },
        };
      },
      tune(next: AnomalyLabValues) {
        // Threshold and costs are read on the page from the frame's scores; only these reach the model.
        trainer.tune({ learningRate: next.lr });
        run.targetSteps = next.epochs * STEPS_PER_EPOCH;
      },
      save: () => saveWeights(model, trainer.progress().step),
      restore(snapshot: Snapshot) {
        restoreWeights(tf, model, snapshot);
        trainer.resumeAt(snapshot.step);
      },
      dispose() {
        trainer.dispose();
        model.dispose();
        xs.dispose();
      },
    };
    return run;
  },
};

// ─── Strings ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const anomalyLab = defineWidget({
  id: ANOMALY_LAB_ID,
  tag: 'AnomalyLab',
  title: { zh: '异常检测实验室：只看正常交易训练的自编码器', en: 'Anomaly lab: an autoencoder that has only seen normal transactions' },
  schema: anomalyLabSchema,
  groups: [
    { id: 'costs', label: { zh: '错误的代价', en: 'What errors cost' }, open: true },
    { id: 'data', label: { zh: '数据', en: 'Data' } },
    { id: 'model', label: { zh: '模型', en: 'Model' } },
    { id: 'training', label: { zh: '训练', en: 'Training' } },
  ],
  strings: bilingual({
    zh: {
      intro: (train: string, test: string, frauds: string) =>
        `自编码器只用 ${train} 笔正常的刷卡交易训练：把每笔交易的 13 个特征（金额、时刻、商户类别、离上一笔消费的距离、距上一笔的时间、24 小时内的笔数）压缩再还原。正常交易的特征彼此牵连：商户决定金额和营业时段，几百公里外的消费之前总隔着路上的几个小时。还原得越差，交易越不像它见过的正常交易。测试集是另外 ${test} 笔交易，其中 ${frauds} 笔是已知类型的欺诈，大多每个特征单看都正常，只是组合不对。`,
      train: '开始训练',
      stepEpoch: '再训练一轮',
      precision: '精确率',
      precisionHint: '被标记的交易中真是欺诈的比例',
      recall: '召回率',
      recallHint: '欺诈中被标记出来的比例',
      chanceRecall: '随机标记的召回率',
      chanceHint: '以同样的比例随机抽查，平均能抓到的欺诈比例（等于标记率）',
      flagRate: '标记率',
      flagRateHint: '被送去人工审核的交易比例',
      auc: 'ROC AUC',
      aucHint: '随机一笔欺诈的分数高于随机一笔正常交易的概率',
      cost: '错误的总代价',
      epoch: '轮次',
      loss: '训练集重构误差',
      baseline: (auc: string, recall: string, untrained: string) =>
        `不用模型的基线（每笔交易离“平均交易”的距离，即标准化特征的均方）：AUC ${auc}，同一分位数下召回率 ${recall}。训练前的同一个网络：AUC ${untrained}。`,
      reading: (p: string, flagged: string, n: string, rate: string, caught: string, frauds: string, recall: string, chance: string, fp: string, precision: string) =>
        `阈值取正常训练分数的第 ${p} 百分位：标记了 ${n} 笔中的 ${flagged} 笔（${rate}），抓到 ${frauds} 笔欺诈中的 ${caught} 笔（召回率 ${recall}）；同样比例的随机抽查平均只能抓到 ${chance}。标记中有 ${fp} 笔是正常客户（精确率 ${precision}）。`,
      money: (missed: string, costFn: string, costMissed: string, alarms: string, costFp: string, costAlarms: string, total: string) =>
        `代价：漏掉 ${missed} 笔 × ${costFn} = ${costMissed}；误报 ${alarms} 笔 × ${costFp} = ${costAlarms}；合计 ${total}。`,
      best: (rate: string, recall: string, cost: string) => `在这批测试交易上，最省钱的阈值标记 ${rate} 的交易，召回率 ${recall}，代价 ${cost}（这是在同一批数据上挑出来的，实际会更贵）。`,
      histTitle: '分数分布',
      histCaption: '正常交易与欺诈的重构误差（对数横轴，每类各自归一），竖线是阈值：线右侧的被标记',
      histCaptionShort: '正常与欺诈的分数分布（对数轴），竖线为阈值',
      histX: '重构误差（log₁₀）',
      histY: '占本类比例',
      normal: '正常',
      fraud: '欺诈',
      binFrom: '分数从',
      binTo: '到',
      normalCount: '正常笔数',
      fraudCount: '欺诈笔数',
      thresholdMark: '阈值',
      curveSwitch: '曲线',
      prCurve: '精确率–召回率',
      costCurve: '代价–标记率',
      prCaption: '每个可能阈值下的精确率与召回率（测试集）；圆点是当前阈值',
      costCaption: '标记率从 0 到 25% 时的总代价（测试集）；圆点是当前阈值',
      flagRateAxis: '标记率',
      costAxis: '总代价（美元）',
      here: '当前',
      seeTable: '以表格查看',
      kindsTitle: '按欺诈类型',
      kind: '类型',
      inSet: '测试集中',
      caught: '抓到',
      kindAuc: 'AUC（对正常）',
      kindNames: {
        impossibleTravel: '不可能的行程：几分钟前还在本地，这一笔却在几百公里外的门店',
        amountMismatch: '金额与商户不符：超市或加油站刷几百美元（买礼品卡套现）',
        closedShop: '打烊时段的门店消费：凌晨 2–5 点在超市、餐馆或电器店刷卡',
        bigTicket: '天价单笔：电器或珠宝店一次 3,000–12,000 美元',
        mimic: '伪装成正常消费（账户盗用）',
      } as Record<FraudKind, string>,
      kindsNote:
        '前三类的每个特征单看都在正常范围内，破坏的是特征之间的关系：离“平均交易”的距离看不出来，学会了正常模式的自编码器才看得出。天价单笔只在金额一项上极端，不用模型也抓得到。最后一类照着正常客户的习惯花钱：只看这些特征，任何检测器都分不出来，只能靠设备、登录、客户自己报案等其他信号。',
      noScores: '模型建好后，这里会显示测试集上的分数。',
      params: '参数：',
      arch: '结构：',
      scoreAtLeast: '分数 ≥',
      stepsNote: (k: number) => `一轮 = ${k} 步（每步 64 笔）`,
    },
    en: {
      intro: (train: string, test: string, frauds: string) =>
        `The autoencoder trains on ${train} normal card transactions only: it squeezes each one’s 13 features (amount, hour, merchant category, distance from the card’s previous purchase, time since it, transactions in the past 24 hours) through a bottleneck and rebuilds them. In normal traffic the features go together: the merchant sets the amount and the opening hours, and a purchase hundreds of kilometres away comes hours after the last one. The worse the network rebuilds a transaction, the less it looks like the normal ones. The held-out mix is ${test} other transactions, ${frauds} of them frauds of known kinds, most of which look normal feature by feature and wrong only in combination.`,
      train: 'Train',
      stepEpoch: 'One more epoch',
      precision: 'Precision',
      precisionHint: 'share of the flagged transactions that are frauds',
      recall: 'Recall',
      recallHint: 'share of the frauds that are flagged',
      chanceRecall: 'Recall of random flags',
      chanceHint: 'what flagging the same share at random catches on average (equal to the flag rate)',
      flagRate: 'Flag rate',
      flagRateHint: 'share of transactions sent for review',
      auc: 'ROC AUC',
      aucHint: 'probability that a random fraud scores above a random normal transaction',
      cost: 'Total cost of errors',
      epoch: 'Epoch',
      loss: 'Training reconstruction error',
      baseline: (auc: string, recall: string, untrained: string) =>
        `No-model baseline (each transaction’s distance from the average one: the mean of its squared standardised features): AUC ${auc}, recall ${recall} at the same percentile. The same network before training: AUC ${untrained}.`,
      reading: (p: string, flagged: string, n: string, rate: string, caught: string, frauds: string, recall: string, chance: string, fp: string, precision: string) =>
        `At the ${p}th percentile of the normal training scores the detector flags ${flagged} of ${n} transactions (${rate}) and catches ${caught} of ${frauds} frauds (recall ${recall}); random checks at the same rate would catch ${chance} on average. ${fp} of the flags are honest customers (precision ${precision}).`,
      money: (missed: string, costFn: string, costMissed: string, alarms: string, costFp: string, costAlarms: string, total: string) =>
        `Cost: ${missed} missed frauds × ${costFn} = ${costMissed}; ${alarms} false alarms × ${costFp} = ${costAlarms}; total ${total}.`,
      best: (rate: string, recall: string, cost: string) => `On this held-out mix the cheapest threshold flags ${rate} of transactions, with recall ${recall}, for ${cost} (chosen on the same data, so expect more in practice).`,
      histTitle: 'Scores',
      histCaption: 'Reconstruction error of normal transactions and frauds (log scale, each class scaled to its own total); the line is the threshold: everything right of it is flagged',
      histCaptionShort: 'Normal and fraud scores (log scale); the line is the threshold',
      histX: 'Reconstruction error (log₁₀)',
      histY: 'Share of its class',
      normal: 'Normal',
      fraud: 'Fraud',
      binFrom: 'Score from',
      binTo: 'to',
      normalCount: 'Normal',
      fraudCount: 'Fraud',
      thresholdMark: 'threshold',
      curveSwitch: 'Curve',
      prCurve: 'Precision–recall',
      costCurve: 'Cost–flag rate',
      prCaption: 'Precision and recall at every possible threshold on the held-out mix; the dot is the current threshold',
      costCaption: 'Total cost as the flag rate goes from 0 to 25% on the held-out mix; the dot is the current threshold',
      flagRateAxis: 'Flag rate',
      costAxis: 'Total cost (USD)',
      here: 'now',
      seeTable: 'See as a table',
      kindsTitle: 'By kind of fraud',
      kind: 'Kind',
      inSet: 'In the mix',
      caught: 'Caught',
      kindAuc: 'AUC vs normal',
      kindNames: {
        impossibleTravel: 'Impossible travel: in a shop hundreds of kilometres away, minutes after a local purchase',
        amountMismatch: 'Amount that does not fit the merchant: hundreds of dollars at a grocery till or fuel station (gift cards to cash out)',
        closedShop: 'Shop closed: in store at a grocery, restaurant or electronics shop between 2 and 5 a.m.',
        bigTicket: 'Huge amount: $3,000–$12,000 at an electronics shop or jeweller',
        mimic: 'Looks normal (account takeover)',
      } as Record<FraudKind, string>,
      kindsNote:
        'The first three kinds keep every feature within its normal range and break how the features go together: the distance from the average transaction cannot see them; an autoencoder that has learnt the normal pattern can. The huge amount is extreme on one feature, and even no model catches it. The last kind spends the way the customer does: from these features no detector can tell it apart. It is caught, if at all, by other signals: the device, the login, the customer’s own report.',
      noScores: 'Once the model is built, the scores on the held-out mix appear here.',
      params: 'Parameters: ',
      arch: 'Architecture: ',
      scoreAtLeast: 'Score ≥',
      stepsNote: (k: number) => `One epoch = ${k} steps of 64 transactions`,
    },
  }),
  task,
  placeholderHeight: 900,
});

export default anomalyLab;

export { FRAUD_KINDS };
