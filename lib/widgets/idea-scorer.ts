/**
 * IdeaScorer: a weighted scoring matrix for choosing a project (Chapter 11). Up to eight ideas are scored 1–5 on six
 * criteria; each criterion has a weight w_k ≥ 0. An idea's score is the weighted mean of its scores,
 *   S_i = Σ_k w_k s_ik / Σ_k w_k,
 * on the same 1–5 scale (the weights are normalised to sum to 1). The ranking sorts by S_i (ties: the earlier idea).
 *
 * Sensitivity, exactly. Let A lead and B come second, and D = Σ_k w_k (s_Ak − s_Bk) ≥ 0 (the lead, before dividing by
 * Σw, which is positive and the same for every idea, so it never changes a comparison). Changing only w_k to w moves
 * D by (w − w_k) d_k with d_k = s_Ak − s_Bk, so A and B tie at
 *   w*_k = w_k − D / d_k      (when d_k ≠ 0 and w*_k ≥ 0),
 * a relative change of (w*_k − w_k)/w_k. The flip is the criterion whose tie needs the smallest relative change. A third
 * idea C can overtake A first on the way: its own tie with A is w_k − D_C / (s_Ck − s_Ak), with D_C = Σ w_j (s_Aj − s_Cj);
 * `overtaker` names it when that comes strictly before B's.
 *
 * URL state: `weights` (six numbers) and `ideas`, the matrix as one compact text, `name:ssssss;name:ssssss;…` (each
 * idea a name of 1–40 characters without ';' and six digits 1–5). The empty text, the default, is the chapter's example
 * in the reader's language. The codec only bounds the text's length; parseIdeas checks its structure and says what is
 * wrong, and the view then keeps the example.
 *
 * The view's test contract (`data-result="ideaScorer.<name>"`, raw number in `data-value`): `count`; `top` and
 * `second` (0-based idea indices; the text is the name); `score0`…`score7` (S_i) and `rank0`…`rank7` (1 = first);
 * `margin` (S_A − S_B); `weight0`…`weight5` and `share0`…`share5` (w_k / Σw); `tie0`…`tie5` (w*_k, absent where no
 * single change of that weight ties the two) and `change0`…`change5` (relative change, absent when w_k = 0);
 * `flipCriterion`, `flipWeight`, `flipChange` (absent when no weight can tie them); `overtaker` (absent when none);
 * `example` (1 while the matrix is the chapter's example, else 0).
 */
import { bilingual, type Bilingual, type Lang } from '../i18n';
import type { Schema, Values } from '../state/schema';
import { defineWidget } from './define';

export const IDEA_SCORER_ID = 'ideaScorer';

/** The six criteria, in the order of the matrix's columns. */
export const CRITERIA = ['need', 'feasibility', 'data', 'edge', 'team', 'economics'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const N_CRITERIA = CRITERIA.length;
export const MIN_IDEAS = 2;
export const MAX_IDEAS = 8;
export const MAX_NAME = 40;
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const MAX_WEIGHT = 10;

export interface Idea {
  name: string;
  /** One score per criterion, whole numbers 1–5, in CRITERIA order. */
  scores: number[];
}

/**
 * The chapter's example: a four-person team (two ML engineers who have shipped retrieval-augmented assistants, a
 * full-stack engineer, and a co-founder who ran customer support at an online retailer) weighing source 002's four
 * topics against two ideas of its own. Scores are in CRITERIA order: need, feasibility, data, edge, team, economics.
 */
export const EXAMPLE_SCORES: readonly (readonly number[])[] = [
  [5, 2, 2, 4, 1, 2],
  [3, 3, 2, 3, 1, 2],
  [3, 4, 3, 2, 2, 3],
  [4, 2, 2, 3, 1, 1],
  [4, 4, 4, 2, 5, 4],
  [4, 4, 3, 4, 2, 4],
];
export const EXAMPLE_NAMES: Bilingual<readonly string[]> = {
  zh: ['放射影像辅助诊断', '农场种植建议', '安防视频分析', '城市交通信号优化', '网店客服助手', '小律所合同审查'],
  en: [
    'Radiology triage assistant',
    'Crop advice for farms',
    'Security video analytics',
    'City traffic optimisation',
    'Support copilot for online shops',
    'Contract review for small law firms',
  ],
};
/** The example team's weights, in CRITERIA order. */
export const DEFAULT_WEIGHTS: readonly number[] = [3, 3, 2, 2, 2, 3];

/** The example matrix with its names in one edition. */
export function exampleIdeas(lang: Lang): Idea[] {
  return EXAMPLE_SCORES.map((scores, i) => ({ name: EXAMPLE_NAMES[lang][i]!, scores: [...scores] }));
}

/** What is wrong with a matrix read from a link; `entry` counts from 1. */
export type IdeasProblem =
  | { code: 'count'; count: number }
  | { code: 'noScores'; entry: number }
  | { code: 'badName'; entry: number }
  | { code: 'badScores'; entry: number };

export type IdeasParse = { ok: true; ideas: Idea[]; example: boolean } | { ok: false; problem: IdeasProblem };

const SCORES = new RegExp(`^[${MIN_SCORE}-${MAX_SCORE}]{${N_CRITERIA}}$`);

/** Whether a name can be stored: 1–40 characters after trimming, no ';' (the separator) and no control characters. */
export function validName(name: string): boolean {
  const t = name.trim();
  return t.length >= 1 && t.length <= MAX_NAME && !/[;\u0000-\u001f\u007f]/.test(t);
}

/** A name as typed, made storable: separators and control characters removed, trimmed, cut to 40 characters. */
export function cleanName(name: string): string {
  return name.replace(/[;\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
}

/**
 * Reads the compact matrix `name:ssssss;name:ssssss;…`. The empty text is the example in `lang`. Each entry splits at
 * its last ':' (a name may contain ':'), the name must be valid (validName) and the scores exactly six digits 1–5;
 * there must be 2–8 entries. Never throws.
 */
export function parseIdeas(raw: string, lang: Lang): IdeasParse {
  if (raw === '') return { ok: true, ideas: exampleIdeas(lang), example: true };
  const entries = raw.split(';');
  if (entries.length < MIN_IDEAS || entries.length > MAX_IDEAS) return { ok: false, problem: { code: 'count', count: entries.length } };
  const ideas: Idea[] = [];
  for (const [i, entry] of entries.entries()) {
    const colon = entry.lastIndexOf(':');
    if (colon < 0) return { ok: false, problem: { code: 'noScores', entry: i + 1 } };
    const name = entry.slice(0, colon);
    const digits = entry.slice(colon + 1);
    if (!validName(name)) return { ok: false, problem: { code: 'badName', entry: i + 1 } };
    if (!SCORES.test(digits)) return { ok: false, problem: { code: 'badScores', entry: i + 1 } };
    ideas.push({ name: name.trim(), scores: [...digits].map(Number) });
  }
  return { ok: true, ideas, example: false };
}

/** Writes a matrix the way parseIdeas reads it; the example in `lang`, unchanged, is written as the empty text. */
export function formatIdeas(ideas: readonly Idea[], lang: Lang): string {
  if (sameIdeas(ideas, exampleIdeas(lang))) return '';
  return ideas.map((d) => `${d.name}:${d.scores.join('')}`).join(';');
}

function sameIdeas(a: readonly Idea[], b: readonly Idea[]): boolean {
  return a.length === b.length && a.every((d, i) => d.name === b[i]!.name && d.scores.every((s, k) => s === b[i]!.scores[k]));
}

/** Σ_k w_k s_ik for every idea: the weighted sums before normalising (the comparisons only need these). */
export function weightedSums(ideas: readonly Idea[], weights: readonly number[]): number[] {
  return ideas.map((d) => d.scores.reduce((s, x, k) => s + (weights[k] ?? 0) * x, 0));
}

/** S_i = Σ_k w_k s_ik / Σ_k w_k for every idea (on the 1–5 scale); null when every weight is 0. */
export function weightedScores(ideas: readonly Idea[], weights: readonly number[]): number[] | null {
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) return null;
  return weightedSums(ideas, weights).map((n) => n / total);
}

/** The weights normalised to sum to 1 (each criterion's share); null when every weight is 0. */
export function weightShares(weights: readonly number[]): number[] | null {
  const total = weights.reduce((s, w) => s + w, 0);
  return total > 0 ? weights.map((w) => w / total) : null;
}

/** Idea indices from first to last by score; equal scores keep the earlier idea first. */
export function rankOrder(scores: readonly number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

export interface CriterionSensitivity {
  criterion: number;
  /** d_k = s_Ak − s_Bk: how much better the leader scores on this criterion than the runner-up. */
  diff: number;
  /** w*_k, the weight at which the leader and the runner-up tie, the other weights held; null if no w ≥ 0 does. */
  tieWeight: number | null;
  /** w*_k − w_k; null with tieWeight. */
  change: number | null;
  /** (w*_k − w_k) / w_k; null with tieWeight, or when w_k = 0 (any change from zero is infinitely large). */
  relative: number | null;
  /** An idea other than the runner-up that overtakes the leader strictly before the tie is reached; null if none. */
  overtaker: number | null;
}

export interface Sensitivity {
  leader: number;
  runnerUp: number;
  /** S_A − S_B, on the 1–5 scale. */
  margin: number;
  /** D = Σ_k w_k (s_Ak − s_Bk), the lead in weighted-sum units. */
  lead: number;
  criteria: CriterionSensitivity[];
  /** The criterion whose tie needs the smallest relative change (then the smallest absolute one); null if none ties. */
  flip: CriterionSensitivity | null;
}

/**
 * How far each single weight must move for the runner-up to tie the leader (see the file's comment). Null when fewer
 * than two ideas or every weight is 0.
 */
export function sensitivity(ideas: readonly Idea[], weights: readonly number[]): Sensitivity | null {
  const scores = weightedScores(ideas, weights);
  if (!scores || ideas.length < 2) return null;
  const order = rankOrder(scores);
  const A = order[0]!;
  const B = order[1]!;
  const sums = weightedSums(ideas, weights);
  const D = sums[A]! - sums[B]!;
  const sA = ideas[A]!.scores;
  const criteria: CriterionSensitivity[] = CRITERIA.map((_, k) => {
    const wk = weights[k] ?? 0;
    const dk = sA[k]! - ideas[B]!.scores[k]!;
    let tieWeight: number | null = null;
    if (D === 0) tieWeight = dk !== 0 ? wk : null;
    else if (dk !== 0 && wk - D / dk >= 0) tieWeight = wk - D / dk;
    const change = tieWeight === null ? null : tieWeight - wk;
    const relative = change === null || wk === 0 ? null : change / wk;
    let overtaker: number | null = null;
    if (tieWeight !== null && change !== 0) {
      let nearest = Math.abs(change!);
      for (let c = 0; c < ideas.length; c++) {
        if (c === A || c === B) continue;
        const e = ideas[c]!.scores[k]! - sA[k]!;
        if (e === 0) continue;
        const at = wk + (sums[A]! - sums[c]!) / e;
        // Only crossings in the direction of the move, strictly before B's tie, and not behind the start.
        if (at < 0 || Math.sign(at - wk) !== Math.sign(change!)) continue;
        const dist = Math.abs(at - wk);
        if (dist < nearest) {
          nearest = dist;
          overtaker = c;
        }
      }
    }
    return { criterion: k, diff: dk, tieWeight, change, relative, overtaker };
  });
  const size = (c: CriterionSensitivity) => (c.relative === null ? Number.POSITIVE_INFINITY : Math.abs(c.relative));
  const flip =
    criteria
      .filter((c) => c.tieWeight !== null)
      .sort((a, b) => size(a) - size(b) || Math.abs(a.change!) - Math.abs(b.change!) || a.criterion - b.criterion)[0] ?? null;
  return { leader: A, runnerUp: B, margin: scores[A]! - scores[B]!, lead: D, criteria, flip };
}

/**
 * The largest ε such that moving every weight by at most ε of itself (w_k → w_k(1 + ε_k), |ε_k| ≤ ε) cannot make the
 * runner-up overtake the leader: ε = D / Σ_k w_k |d_k| (the worst case lowers the weights where the leader is better
 * and raises the others). Infinity when the two ideas never differ on a weighted criterion; null as for sensitivity.
 */
export function uniformTolerance(ideas: readonly Idea[], weights: readonly number[]): number | null {
  const s = sensitivity(ideas, weights);
  if (!s) return null;
  const spread = s.criteria.reduce((sum, c) => sum + (weights[c.criterion] ?? 0) * Math.abs(c.diff), 0);
  return spread > 0 ? s.lead / spread : Number.POSITIVE_INFINITY;
}

/** Every idea's score S_i when weight k alone is set to w (the others held): the lines of the sensitivity chart. */
export function scoresAtWeight(ideas: readonly Idea[], weights: readonly number[], k: number, w: number): number[] | null {
  return weightedScores(
    ideas,
    weights.map((x, j) => (j === k ? w : x)),
  );
}

export const PLOT_CHOICES = ['auto', ...CRITERIA] as const;

const CRITERION_LABELS: Bilingual<Record<Criterion, string>> = {
  zh: { need: '市场需求', feasibility: '技术可行性', data: '数据可得性', edge: '护城河', team: '团队匹配', economics: '经济性' },
  en: { need: 'Market need', feasibility: 'Technical feasibility', data: 'Data access', edge: 'Defensibility', team: 'Team fit', economics: 'Economics' },
};

export const ideaScorerSchema = {
  /** Drawn by the view (the matrix editor): '' is the chapter's example in the reader's language. */
  ideas: { type: 'text', default: '', maxLength: MAX_IDEAS * (MAX_NAME + 1 + N_CRITERIA) + MAX_IDEAS },
  /** Drawn by the view (one box per column of the matrix). */
  weights: { type: 'numList', default: DEFAULT_WEIGHTS, min: 0, max: MAX_WEIGHT, minLength: N_CRITERIA, maxLength: N_CRITERIA },
  plot: {
    type: 'enum',
    default: 'auto',
    options: PLOT_CHOICES,
    control: 'select',
    label: { zh: '敏感性图表展示的权重', en: 'Weight shown in the sensitivity chart' },
    optionLabels: {
      auto: { zh: '自动：最容易改变第一名的那个权重', en: 'Automatic: the weight that most easily changes the winner' },
      ...Object.fromEntries(CRITERIA.map((c) => [c, { zh: CRITERION_LABELS.zh[c], en: CRITERION_LABELS.en[c] }])),
    },
  },
} satisfies Schema;

export type IdeaScorerValues = Values<typeof ideaScorerSchema>;

export const ideaScorer = defineWidget({
  id: IDEA_SCORER_ID,
  tag: 'IdeaScorer',
  title: { zh: '选题打分矩阵：加权得分与权重敏感性', en: 'Idea scorer: weighted scores and how much the weights matter' },
  schema: ideaScorerSchema,
  placeholderHeight: 900,
  strings: bilingual({
    zh: {
      criteria: CRITERION_LABELS.zh,
      criterionHints: {
        need: '1 = 锦上添花，没人管预算；5 = 痛点明确，有预算，找得到买单的人',
        feasibility: '1 = 需要研究突破；5 = 现有模型在自己的测试案例上已达标',
        data: '1 = 拿不到或无权使用；5 = 客户在使用中自然提供，权属清楚',
        edge: '1 = 平台下个季度就能加上的功能；5 = 专有数据闭环、资质或渠道',
        team: '1 = 没人懂这个行业；5 = 创始人做过这份工作、卖过给这些客户',
        economics: '1 = 销售周期长、毛利薄；5 = 销售周期短、毛利高',
      } as Record<Criterion, string>,
      matrixCaption: '打分矩阵：每个想法在每项标准上打 1–5 分；表头一行是各标准的权重（0–10）。',
      idea: '想法',
      ideaName: (i: number) => `想法 ${i} 的名称`,
      scoreLabel: (idea: string, criterion: string) => `“${idea}”的${criterion}得分`,
      weightLabel: (criterion: string) => `${criterion}的权重`,
      weightRow: '权重',
      shareOf: (p: string) => `占 ${p}`,
      addIdea: '+ 添加想法',
      removeIdea: (name: string) => `删除“${name}”`,
      remove: '删除',
      newIdea: (i: number) => `新想法 ${i}`,
      ranking: '排名',
      rankingCaption: '加权得分（1–5 分，权重归一化后求加权平均）从高到低。',
      rank: '名次',
      score: '加权得分',
      top: '第一名',
      second: '第二名',
      margin: '领先',
      sensitivityTitle: '权重要改多少，第一、二名才会易位？',
      sensitivityCaption: (a: string, b: string) => `每次只改一项权重、其余不变，使“${a}”与“${b}”打平所需的权重。`,
      criterion: '标准',
      weight: '当前权重',
      diff: '两者得分差 dₖ',
      tie: '打平时的权重',
      change: '相对变化',
      none: '无',
      noneWhy: '改这项权重无法让两者打平',
      fromZero: '从 0 起，相对变化无穷大',
      flip: (criterion: string, from: string, to: string, pct: string) => `最容易改变结果的是“${criterion}”：权重从 ${from} 改到 ${to}（${pct}），前两名即打平；越过这一点，第一名易位。`,
      noFlip: '没有任何单项权重的改变能让前两名打平：它们在每项标准上的得分差方向一致。',
      tiedNow: '前两名现在已经打平（并列时按列表顺序排在前面的算第一）。',
      overtaker: (name: string) => `注意：沿这个方向改权重，“${name}”会先于第二名超过第一名。`,
      beyond: '超出控件的 0–10 范围，但公式照样成立。',
      chartCaption: (criterion: string) => `只改变“${criterion}”的权重时，每个想法的加权得分（其余权重不变；圆点标出第一名在当前权重下的得分）。`,
      weightRange: '权重应在 0 到 10 之间，这个值未被采用。',
      emptyName: '名称至少要有一个字符，仍用原来的名称。',
      axisWeight: (criterion: string) => `${criterion}的权重`,
      axisScore: '加权得分',
      tableLabel: '以表格查看数值',
      allZero: '所有权重都是 0，无从排序。请至少给一项标准大于 0 的权重。',
      badIdeas: '链接中的打分矩阵无法读取，已改用本章的例子：',
      problems: {
        count: (n: number) => `应有 ${MIN_IDEAS}–${MAX_IDEAS} 个想法，链接里有 ${n} 个。`,
        noScores: (i: number) => `第 ${i} 个想法缺少“:分数”部分。`,
        badName: (i: number) => `第 ${i} 个想法的名称应为 1–${MAX_NAME} 个字符，且不含分号。`,
        badScores: (i: number) => `第 ${i} 个想法的分数应为 ${N_CRITERIA} 个 1–5 之间的数字，例如 443252。`,
      },
      format: '链接里的格式：名称:六个分数;名称:六个分数……（分数依次对应上表各列）。',
      example: '本章的例子',
      custom: '你的矩阵',
    },
    en: {
      criteria: CRITERION_LABELS.en,
      criterionHints: {
        need: '1 = nice to have, no budget owner; 5 = painful, budgeted, a buyer you can name',
        feasibility: '1 = needs a research breakthrough; 5 = today’s models meet the bar on your own test cases',
        data: '1 = you cannot get it or may not use it; 5 = customers supply it in use, rights clear',
        edge: '1 = a feature a platform could ship next quarter; 5 = a proprietary data loop, licence or channel',
        team: '1 = nobody knows the domain; 5 = founders have done this job and sold to these buyers',
        economics: '1 = long sales cycle, thin margin; 5 = short sales cycle, high margin',
      } as Record<Criterion, string>,
      matrixCaption: 'The matrix: each idea scored 1–5 on each criterion; the first row holds the criteria’s weights (0–10).',
      idea: 'Idea',
      ideaName: (i: number) => `Name of idea ${i}`,
      scoreLabel: (idea: string, criterion: string) => `${criterion} score of “${idea}”`,
      weightLabel: (criterion: string) => `Weight of ${criterion}`,
      weightRow: 'Weight',
      shareOf: (p: string) => `${p} of the total`,
      addIdea: '+ Add an idea',
      removeIdea: (name: string) => `Remove “${name}”`,
      remove: 'Remove',
      newIdea: (i: number) => `New idea ${i}`,
      ranking: 'Ranking',
      rankingCaption: 'Weighted scores (1–5: the mean of the scores, weighted by the normalised weights), best first.',
      rank: 'Rank',
      score: 'Weighted score',
      top: 'First',
      second: 'Second',
      margin: 'Lead',
      sensitivityTitle: 'How far must a weight move before the top two swap?',
      sensitivityCaption: (a: string, b: string) => `The weight at which “${a}” and “${b}” tie, changing one weight at a time and holding the others.`,
      criterion: 'Criterion',
      weight: 'Weight now',
      diff: 'Score gap dₖ',
      tie: 'Weight at the tie',
      change: 'Relative change',
      none: 'none',
      noneWhy: 'no value of this weight makes them tie',
      fromZero: 'from 0: an infinite relative change',
      flip: (criterion: string, from: string, to: string, pct: string) => `The most fragile weight is ${criterion}: from ${from} to ${to} (${pct}) the top two tie; beyond that, the winner changes.`,
      noFlip: 'No single weight can make the top two tie: the first beats the second on every criterion where they differ.',
      tiedNow: 'The top two are tied now (a tie goes to the idea higher in the list).',
      overtaker: (name: string) => `Careful: moving this weight, “${name}” overtakes the leader before the runner-up does.`,
      beyond: 'Beyond the controls’ range of 0–10, but the formula holds all the same.',
      chartCaption: (criterion: string) => `Each idea’s weighted score as the weight of ${criterion} alone changes (the others held; the dot marks the leader at the weight now).`,
      weightRange: 'A weight must lie between 0 and 10; that value was not used.',
      emptyName: 'A name needs at least one character; the old name is kept.',
      axisWeight: (criterion: string) => `weight of ${criterion}`,
      axisScore: 'weighted score',
      tableLabel: 'Show the numbers as a table',
      allZero: 'Every weight is 0, so nothing can be ranked. Give at least one criterion a weight above 0.',
      badIdeas: 'The link’s matrix could not be read, so the chapter’s example is shown: ',
      problems: {
        count: (n: number) => `it must hold ${MIN_IDEAS}–${MAX_IDEAS} ideas, and it holds ${n}.`,
        noScores: (i: number) => `idea ${i} has no “:scores” part.`,
        badName: (i: number) => `the name of idea ${i} must be 1–${MAX_NAME} characters, without semicolons.`,
        badScores: (i: number) => `the scores of idea ${i} must be ${N_CRITERIA} digits from 1 to 5, such as 443252.`,
      },
      format: 'The link’s format: name:six scores;name:six scores;… (the scores in the order of the columns above).',
      example: 'the chapter’s example',
      custom: 'your matrix',
    },
  }),
});

export default ideaScorer;
