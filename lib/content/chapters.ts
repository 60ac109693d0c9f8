/**
 * The one registry of the book's chapters and appendices: order, part, slug and titles. Routes, navigation, the
 * table of contents and the content checks all read it; nothing else lists chapters.
 * A chapter is "written" when content/<lang>/<slug>.mdx exists (the parity check requires both editions).
 */
import { UI, type Bilingual, type Lang } from '../i18n';

export type PartId = 'foundations' | 'applications' | 'startup' | 'appendices';

export interface Part {
  id: PartId;
  title: Bilingual;
}

export const PARTS: readonly Part[] = [
  { id: 'foundations', title: { zh: '第一部分　基础', en: 'Part I — Foundations' } },
  { id: 'applications', title: { zh: '第二部分　应用', en: 'Part II — Applications' } },
  { id: 'startup', title: { zh: '第三部分　创业', en: 'Part III — The startup' } },
  { id: 'appendices', title: { zh: '附录', en: 'Appendices' } },
];

export interface ChapterEntry {
  slug: string;
  part: PartId;
  /** 1–13 for chapters; appendices are numbered A–D by their order here. */
  order: number;
  /** Chapters have a number; appendices a letter. */
  label: { kind: 'chapter'; n: number } | { kind: 'appendix'; letter: string };
  title: Bilingual;
  /** One line shown in the table of contents while the chapter is forthcoming. */
  blurb: Bilingual;
}

const chapter = (n: number, slug: string, part: PartId, title: Bilingual, blurb: Bilingual): ChapterEntry => ({
  slug,
  part,
  order: n,
  label: { kind: 'chapter', n },
  title,
  blurb,
});

const appendix = (i: number, slug: string, title: Bilingual, blurb: Bilingual): ChapterEntry => ({
  slug,
  part: 'appendices',
  order: 100 + i,
  label: { kind: 'appendix', letter: String.fromCharCode(65 + i) },
  title,
  blurb,
});

export const CHAPTERS: readonly ChapterEntry[] = [
  chapter(1, 'large-models', 'foundations', { zh: '什么是大模型', en: 'What a large model is' }, {
    zh: '定义、特征、从感知机到 GPT 的历史，以及 AI 创业的五要素。',
    en: 'Definitions, characteristics, the road from perceptrons to GPT, and the five elements of an AI startup.',
  }),
  chapter(2, 'neural-networks', 'foundations', { zh: '神经网络', en: 'Neural networks' }, {
    zh: '神经元、激活函数、前向传播与反向传播；在你的 GPU 上训练一个网络。',
    en: 'Neurons, activations, the forward pass and backpropagation; train a network on your own GPU.',
  }),
  chapter(3, 'loss-and-optimizers', 'foundations', { zh: '损失函数与优化器', en: 'Loss functions and optimizers' }, {
    zh: '均方误差与交叉熵，SGD、动量、RMSProp 与带偏差修正的 Adam，正则化。',
    en: 'MSE and cross-entropy; SGD, momentum, RMSProp and Adam with bias correction; regularisation.',
  }),
  chapter(4, 'training-pipeline', 'foundations', { zh: '训练流程', en: 'The training pipeline' }, {
    zh: '数据清洗、划分、训练循环、评估指标、过拟合与早停。',
    en: 'Cleaning and splitting data, the training loop, evaluation metrics, over-fitting and early stopping.',
  }),
  chapter(5, 'transformers', 'foundations', { zh: '从 RNN 到 Transformer', en: 'From RNNs to Transformers' }, {
    zh: '词向量、LSTM、注意力机制与 Transformer，预训练与微调。',
    en: 'Embeddings, LSTMs, attention and the Transformer; pre-training and fine-tuning.',
  }),
  chapter(6, 'deployment', 'foundations', { zh: '部署与模型压缩', en: 'Deployment and compression' }, {
    zh: '部署步骤、量化、剪枝与低秩分解，以及它们的代价。',
    en: 'Deployment steps, quantization, pruning and low-rank factorisation, and what each costs.',
  }),
  chapter(7, 'applications', 'applications', { zh: '大模型的应用', en: 'Applications' }, {
    zh: '客服、内容生成、视觉、推荐、语音、异常检测、医疗与金融。',
    en: 'Customer service, content generation, vision, recommendation, speech, anomaly detection, health and finance.',
  }),
  chapter(8, 'startup-strategy', 'startup', { zh: '创业策略', en: 'Startup strategy' }, {
    zh: '挑战与机会、商业模式、资源与团队、单位经济模型。',
    en: 'Challenges and opportunities, business models, resources and team, unit economics.',
  }),
  chapter(9, 'compute-economics', 'startup', { zh: '算力经济学', en: 'The economics of compute' }, {
    zh: '训练算力 6ND、计算最优规模、显存与推理成本。',
    en: 'Training compute (6ND), compute-optimal scaling, memory, and the cost of inference.',
  }),
  chapter(10, 'capital-allocation', 'startup', { zh: '资本配置', en: 'Allocating capital' }, {
    zh: '边际收益相等的预算分配、跑道与盈亏、融资稀释。',
    en: 'Budgets by equal marginal returns, runway and default-alive, dilution across rounds.',
  }),
  chapter(11, 'project-planning', 'startup', { zh: '项目规划', en: 'Planning a project' }, {
    zh: '选题、可行性分析与实施路线图。',
    en: 'Choosing a project, feasibility analysis and an implementation roadmap.',
  }),
  chapter(12, 'case-studies', 'startup', { zh: '案例研究', en: 'Case studies' }, {
    zh: '诊断辅助与智能客服两家创业公司，以及如何组建团队。',
    en: 'A diagnosis start-up, a customer-service start-up, and building the team.',
  }),
  chapter(13, 'future', 'startup', { zh: '趋势与挑战', en: 'The road ahead' }, {
    zh: '规模、多模态与 AutoML；隐私、可解释性、公平与监管。',
    en: 'Scale, multimodality and AutoML; privacy, explainability, fairness and regulation.',
  }),
  appendix(0, 'frameworks', { zh: '框架与资源', en: 'Frameworks and resources' }, { zh: '深度学习框架与真实存在的参考资料。', en: 'Deep-learning frameworks and references that exist.' }),
  appendix(1, 'faq', { zh: '常见问题', en: 'Frequently asked questions' }, { zh: '原文中的常见问题，认真作答。', en: 'The sources’ FAQs, answered properly.' }),
  appendix(2, 'glossary', { zh: '术语表', en: 'Glossary' }, { zh: '书中术语的简明定义。', en: 'Short definitions of the terms the book uses.' }),
  appendix(3, 'errata', { zh: '勘误', en: 'Errata' }, { zh: '原文的错误，以及本书如何更正。', en: 'What the sources get wrong, and how the book corrects it.' }),
];

export function chapterBySlug(slug: string): ChapterEntry | undefined {
  return CHAPTERS.find((c) => c.slug === slug);
}

export function chaptersInPart(part: PartId): ChapterEntry[] {
  return CHAPTERS.filter((c) => c.part === part);
}

/** The label a reader sees before a title: "Chapter 3" / "第 3 章", "Appendix B" / "附录 B". */
export function chapterLabel(entry: ChapterEntry, lang: Lang): string {
  if (entry.label.kind === 'chapter') return UI[lang].chapter(entry.label.n);
  return UI[lang].appendix(entry.label.letter);
}

/** Neighbours among the written chapters, in reading order. */
export function neighbours(slug: string, written: ReadonlySet<string>): { prev?: ChapterEntry; next?: ChapterEntry } {
  const list = CHAPTERS.filter((c) => written.has(c.slug));
  const i = list.findIndex((c) => c.slug === slug);
  if (i < 0) return {};
  return { prev: list[i - 1], next: list[i + 1] };
}
