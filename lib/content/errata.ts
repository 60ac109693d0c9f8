/**
 * The errata (Appendix D): every place where a source article is wrong and the book teaches the right thing. The errata
 * page renders this list, and a chapter's `<Callout kind="erratum" erratum="<id>">` takes its title from it, so the
 * list, the callouts and the chapters cannot drift apart (lib/content/checks.ts checks that they do not).
 *
 * Texts are plain: `code` in backticks, {0}, {1}, … for the values, which tested functions of lib/worked compute at
 * build time.
 */
import type { Bilingual, Lang } from '../i18n';
import type { WorkedName } from '../worked/registry';

/** The five source articles (`/work/shared/seeds/000…004`), as the chapters cite them. */
export const SOURCE_IDS = ['000', '001', '002', '003', '004'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** Each source's own title (Chinese in both editions, as printed) and a gloss of it. */
export const SOURCES: Record<SourceId, { title: string; gloss: Bilingual }> = {
  '000': { title: 'AI大模型创业：如何应对未来市场挑战？', gloss: { en: 'Large-model startups: meeting the market’s future challenges', zh: '概述大模型的训练、部署与应用，附 PyTorch 代码' } },
  '001': { title: 'AI大模型创业：如何应对未来挑战？', gloss: { en: 'Large-model startups: meeting future challenges', zh: '篇幅最长，从原理、算法一直讲到项目实战' } },
  '002': { title: 'AI大模型创业：如何抓住未来机遇？', gloss: { en: 'Large-model startups: seizing future opportunities', zh: '按一本书的目录编排，从基础知识讲到创业案例' } },
  '003': { title: '', gloss: { en: 'untitled; its keywords are large models, startups, challenges, opportunities', zh: '原文没有标题，关键词为大模型、创业公司、挑战与机遇' } },
  '004': { title: 'AI 大模型创业：如何利用资本优势？', gloss: { en: 'Large-model startups: using the advantage of capital', zh: '讨论资本与成本，附 Keras 代码' } },
};

/** A number the book gives instead of the source's, computed by a tested function of lib/worked. */
export interface ErratumValue {
  fn: WorkedName;
  args: readonly unknown[];
  /** Fraction digits shown. */
  digits: number;
}

/** A place that teaches an erratum: a chapter and, once it is written, the heading of the section with the callout. */
export interface Taught {
  slug: string;
  /** The heading id of the section (## or ###) that holds the callout; absent while the chapter is not written. */
  heading?: string;
}

export interface Erratum {
  /** Stable id: the `erratum` attribute of the callouts and the anchor on the errata page. */
  id: string;
  source: SourceId;
  /** Where in the source: "§4.2.1", "appendix A.1" / "附录 A.1". */
  section: Bilingual;
  /** The short claim of the callout's title. */
  claim: Bilingual;
  /** What the source says. */
  says: Bilingual;
  /** What is right. */
  right: Bilingual;
  /** Values for {0}, {1}, … in `claim`, `says` and `right`. */
  values?: readonly ErratumValue[];
  /** Where the book teaches it: the first is the main place; every place whose chapter is written has the callout. */
  taught: readonly [Taught, ...Taught[]];
}

export const ERRATA: readonly Erratum[] = [
  // ---------- Source 000 ----------
  {
    id: 'transformer-not-a-model',
    source: '000',
    section: { en: '§1', zh: '§1' },
    claim: { en: 'the Transformer is an architecture, not a model', zh: 'Transformer 是架构，不是模型' },
    says: { en: 'It lists GPT-3, BERT and the Transformer side by side as large models.', zh: '把 GPT-3、BERT 和 Transformer 并列为大模型。' },
    right: {
      en: 'GPT-3 and BERT are trained models; the Transformer is the architecture both are built from (GPT-3 uses its decoder, BERT its encoder).',
      zh: 'GPT-3 和 BERT 是训练好的模型；Transformer 是两者共同的架构（GPT-3 用解码器，BERT 用编码器）。',
    },
    taught: [{ slug: 'large-models', heading: 'transformers' }],
  },
  {
    id: 'validation-tunes-hyperparameters',
    source: '000',
    section: { en: '§3.1', zh: '§3.1' },
    claim: { en: 'the validation set tunes hyperparameters, not parameters', zh: '验证集用来调超参数，不是调参数' },
    says: { en: 'It says the validation set is used to evaluate the model and adjust its parameters.', zh: '说要“使用验证集对模型性能进行评估，调整模型参数”。' },
    right: {
      en: 'Training fits the parameters (weights and biases) on the training set; the validation set chooses hyperparameters, such as the learning rate or the number of epochs, and compares candidate models.',
      zh: '参数（权重和偏置）只由训练集上的训练来拟合；验证集用来选择超参数（如学习率、训练轮数）和比较候选模型。',
    },
    taught: [{ slug: 'training-pipeline', heading: 'splits' }],
  },
  {
    id: 'lightning-serving',
    source: '000',
    section: { en: '§3.2 and §7.2', zh: '§3.2 与 §7.2' },
    claim: { en: 'PyTorch Lightning does not serve models', zh: 'PyTorch Lightning 不是推理服务框架' },
    says: {
      en: 'It names PyTorch Lightning, next to TensorFlow Serving, as a framework for serving models, and calls TorchScript a serving framework.',
      zh: '把 PyTorch Lightning 与 TensorFlow Serving 并列为模型服务框架，还把 TorchScript 也算作服务框架。',
    },
    right: {
      en: 'Lightning organises training code; TorchScript is an export format. Models are served by TorchServe, Triton, vLLM, TGI or TensorFlow Serving.',
      zh: 'Lightning 用来组织训练代码，TorchScript 是一种导出格式。提供模型服务的是 TorchServe、Triton、vLLM、TGI、TensorFlow Serving 这类框架。',
    },
    taught: [{ slug: 'deployment', heading: 'serving' }, { slug: 'frameworks', heading: 'serving' }],
  },
  {
    id: 'binary-quantization',
    source: '000',
    section: { en: '§4.2', zh: '§4.2' },
    claim: { en: 'sign and binary quantization are not the common methods', zh: '符号量化和二值量化并非常用方法' },
    says: { en: 'It names sign and binary quantization as the usual ways to quantize a model.', zh: '把符号量化和二值量化列为常用的量化方法。' },
    right: {
      en: 'Binarising a trained network destroys its accuracy. Practitioners use int8 with one scale per output channel and, for large language models, 4-bit weights with one scale per small group, or fp8.',
      zh: '把训练好的网络二值化会毁掉它的准确率。业界实际用的是逐输出通道缩放的 int8，大语言模型则用按小组缩放的 4 位权重，或者 fp8。',
    },
    taught: [{ slug: 'deployment', heading: 'low-bits' }],
  },
  {
    id: 'gpt3-recipe',
    source: '000',
    section: { en: '§4.3', zh: '§4.3' },
    claim: { en: 'training GPT-3 is not a step in a recipe', zh: '训练 GPT-3 不是菜谱里的一个步骤' },
    says: {
      en: 'Its worked example tells the reader to design a GPT-3 model for text generation and train it, after removing stop words from the text.',
      zh: '它的示例让读者为文本生成“设计一个 GPT-3 模型”并训练，预处理时还要去掉停用词。',
    },
    right: {
      en: 'One run of GPT-3 (175 billion parameters, 300 billion tokens) takes about {0} H100 GPU-hours at 40 % MFU, some {1} USD at 2.50 USD an hour; and a text generator must see the stop words it is to write. A startup adapts an existing model.',
      zh: '训练一次 GPT-3（1750 亿参数、3000 亿 token），在 H100 上以 40% 的 MFU 约需 {0} GPU 小时，按每小时 2.5 美元约 {1} 美元；生成文本的模型也必须见过它要写出的停用词。创业公司应当改造现成的模型。',
    },
    values: [
      { fn: 'trainingGpuHours', args: [175e9, 300e9, 989.4e12, 0.4], digits: 0 },
      { fn: 'trainingCostUSD', args: [175e9, 300e9, 989.4e12, 0.4, 2.5], digits: 0 },
    ],
    taught: [{ slug: 'compute-economics', heading: 'overhead' }],
  },
  {
    id: 'gpt-is-an-lstm',
    source: '000',
    section: { en: '§5.2', zh: '§5.2' },
    claim: { en: 'the “GPT model” is an LSTM', zh: '“GPT 模型”其实是 LSTM' },
    says: {
      en: 'Its “GPT model” is an embedding, an `nn.LSTM` and a linear layer; its accuracy takes `argmax` over axis 1, and several names it uses are never defined.',
      zh: '它的“GPT 模型”由嵌入层、`nn.LSTM` 和一个线性层组成；准确率沿第 1 维取 `argmax`，用到的好几个名字从未定义。',
    },
    right: {
      en: 'A GPT is a decoder-only Transformer, pre-trained, reading the past through masked self-attention. The vocabulary is the last axis of the logits, so the prediction is `argmax(dim=-1)`.',
      zh: 'GPT 是预训练的仅解码器 Transformer，通过带掩码的自注意力读取前文。logit 的最后一维才是词表，预测应当用 `argmax(dim=-1)`。',
    },
    taught: [{ slug: 'transformers', heading: 'sources-gpt' }],
  },
  {
    id: 'references-000',
    source: '000',
    section: { en: '§7 and §10', zh: '§7 与 §10' },
    claim: { en: 'references that do not exist', zh: '并不存在的参考文献' },
    says: {
      en: 'It cites “Pre-training of Deep Neural Networks for Language Understanding” by “K_minimum and Zhang”, and books and websites that cannot be found.',
      zh: '它引用了“K_minimum and Zhang”的《Pre-training of Deep Neural Networks for Language Understanding》，以及查无此书、查无此站的书目和网站。',
    },
    right: {
      en: 'No such paper exists: BERT is by Devlin, Chang, Lee and Toutanova (2018, arXiv:1810.04805). The book cites only works that exist.',
      zh: '这篇论文并不存在：BERT 的作者是 Devlin、Chang、Lee 和 Toutanova（2018，arXiv:1810.04805）。本书只引用真实存在的文献。',
    },
    taught: [{ slug: 'frameworks', heading: 'source-000' }],
  },

  // ---------- Source 001 ----------
  {
    id: 'concept-map',
    source: '001',
    section: { en: '§2.4', zh: '§2.4' },
    claim: { en: 'the concept map', zh: '概念图' },
    says: {
      en: 'Its flowchart draws arrows from the optimizer to the activation function and to regularisation, and ends at deployment.',
      zh: '它的流程图从“优化算法”画箭头指向“激活函数”和“正则化”，并止步于部署。',
    },
    right: {
      en: 'Those are independent design choices. And the lifecycle is a loop: evaluation sends models back for tuning, and monitoring in production supplies the next round of data.',
      zh: '这些是彼此独立的设计选择。模型的生命周期是一个循环：评估不合格就退回去继续调，线上监控又为下一轮提供数据。',
    },
    taught: [{ slug: 'large-models', heading: 'lifecycle' }],
  },
  {
    id: 'scaler-before-split',
    source: '001',
    section: { en: '§3.2.1 and §5.2', zh: '§3.2.1 与 §5.2' },
    claim: { en: 'the scaler is fitted before the split', zh: '先标准化，后划分' },
    says: {
      en: 'Both of its pipelines call `scaler.fit_transform(X)` on the whole data set and only then `train_test_split`.',
      zh: '两段代码都先对全部数据调用 `scaler.fit_transform(X)`，然后才调用 `train_test_split`。',
    },
    right: {
      en: 'Split first, fit the scaler on the training split alone, and apply it to every split; a `Pipeline` makes the mistake impossible.',
      zh: '先划分，只在训练集上拟合标准化器，再用它变换每一份数据；用 `Pipeline` 就不会犯这个错。',
    },
    taught: [{ slug: 'training-pipeline', heading: 'leakage' }],
  },
  {
    id: 'test-set-as-validation',
    source: '001',
    section: { en: '§3.2.2, §3.2.3 and §5.2', zh: '§3.2.2、§3.2.3 与 §5.2' },
    claim: { en: 'the test set does the validation set’s job', zh: '测试集被当成了验证集' },
    says: {
      en: 'Its code splits the data in two only, passes `validation_data=(X_test, y_test)` to training, and adjusts the model according to the test results.',
      zh: '代码只把数据分成两份，训练时传入 `validation_data=(X_test, y_test)`，又根据测试结果调整模型。',
    },
    right: {
      en: 'Every decision is made on a separate validation set; the test set is used once, at the end, or its score is optimistic by an unknown amount.',
      zh: '所有决策都要在单独的验证集上做；测试集只在最后用一次，否则它的成绩会偏高，而且不知道高了多少。',
    },
    taught: [{ slug: 'training-pipeline', heading: 'splits' }],
  },
  {
    id: 'scaler-fed-a-sentence',
    source: '001',
    section: { en: '§3.2.4', zh: '§3.2.4' },
    claim: { en: 'a sentence fed to a scaler fitted on numbers', zh: '把一句话喂给数值特征的标准化器' },
    says: {
      en: 'It trains a classifier on numeric features standardised by a `StandardScaler`, then “deploys” it by passing the sentence “This is a sample text for prediction.” to `scaler.transform`.',
      zh: '它在用 `StandardScaler` 标准化的数值特征上训练分类器，“部署”时却把一句英文“This is a sample text for prediction.”交给 `scaler.transform`。',
    },
    right: {
      en: 'That stops with a `ValueError`. A service receives the kind of input the model was trained on and applies the preprocessing fitted in training, saved and loaded with the model.',
      zh: '这会以 `ValueError` 告终。服务接收的输入必须与训练时同类，并使用训练时拟合、随模型一起保存和加载的预处理。',
    },
    taught: [{ slug: 'deployment', heading: 'preprocessing' }, { slug: 'training-pipeline', heading: 'same-preprocessing' }],
  },
  {
    id: 'adam-formula',
    source: '001',
    section: { en: '§4.1.3', zh: '§4.1.3' },
    claim: { en: 'Adam written wrongly', zh: 'Adam 公式写错了' },
    says: {
      en: 'It writes the moments as m_t = β₁m_{t−1} + (1 − β₁)(g − m_{t−1}) and v_t = β₂v_{t−1} + (1 − β₂)(g² − v_{t−1}), and updates θ with them without bias correction. Under a constant gradient of −0.1 its first moment settles at {0}, half the gradient.',
      zh: '它把两个矩写成 m_t = β₁m_{t−1} + (1 − β₁)(g − m_{t−1}) 和 v_t = β₂v_{t−1} + (1 − β₂)(g² − v_{t−1})，并且不做偏差修正就用它们更新 θ。梯度恒为 −0.1 时，它的一阶矩停在 {0}，只有梯度的一半。',
    },
    right: {
      en: 'm_t = β₁m_{t−1} + (1 − β₁)g_t, v_t = β₂v_{t−1} + (1 − β₂)g_t², m̂_t = m_t/(1 − β₁ᵗ), v̂_t = v_t/(1 − β₂ᵗ), θ_t = θ_{t−1} − α m̂_t/(√v̂_t + ε).',
      zh: 'm_t = β₁m_{t−1} + (1 − β₁)g_t，v_t = β₂v_{t−1} + (1 − β₂)g_t²，m̂_t = m_t/(1 − β₁ᵗ)，v̂_t = v_t/(1 − β₂ᵗ)，θ_t = θ_{t−1} − α m̂_t/(√v̂_t + ε)。',
    },
    values: [{ fn: 'loMisprintedMoment', args: [0.9, -0.1, 1000], digits: 4 }],
    taught: [{ slug: 'loss-and-optimizers', heading: 'adam' }],
  },
  {
    id: 'sigmoid-of-2',
    source: '001',
    section: { en: '§4.2.1', zh: '§4.2.1' },
    claim: { en: 'σ(2) is {0}, not 0.869', zh: 'σ(2) 是 {0}，不是 0.869' },
    says: { en: 'It evaluates the sigmoid at 2 and prints 0.869.', zh: '它计算 sigmoid 在 2 处的值，给出 0.869。' },
    right: { en: 'σ(2) = 1/(1 + e⁻²) = {0}.', zh: 'σ(2) = 1/(1 + e⁻²) = {0}。' },
    values: [{ fn: 'loSigmoid', args: [2], digits: 4 }],
    taught: [{ slug: 'loss-and-optimizers', heading: 'binary-cross-entropy' }],
  },
  {
    id: 'negative-cross-entropy',
    source: '001',
    section: { en: '§4.2.2', zh: '§4.2.2' },
    claim: { en: 'cross-entropy is never negative', zh: '交叉熵不会是负数' },
    says: { en: 'For y = [1, 0] and ŷ = [0.9, 0.1] it prints a cross-entropy of about −0.105.', zh: '对 y = [1, 0]、ŷ = [0.9, 0.1]，它算出的交叉熵约为 −0.105。' },
    right: { en: 'It is −ln 0.9 = {0}: positive, as every cross-entropy is.', zh: '应为 −ln 0.9 = {0}，和所有交叉熵一样是正数。' },
    values: [{ fn: 'loCrossEntropy', args: [[0.9, 0.1], [1, 0]], digits: 4 }],
    taught: [{ slug: 'loss-and-optimizers', heading: 'never-negative' }],
  },
  {
    id: 'adam-example',
    source: '001',
    section: { en: '§4.2.3', zh: '§4.2.3' },
    claim: { en: 'the worked Adam example', zh: 'Adam 例题算错了' },
    says: {
      en: 'With β₁ = 0.9, β₂ = 0.99, α = 0.001, ε = 0.001, g = [−0.1, −0.2] and θ₀ = [1, 1], it gets v₁ = [0.001, 0.004] and θ₁ = [0.998, 0.996].',
      zh: '在 β₁ = 0.9、β₂ = 0.99、α = 0.001、ε = 0.001、g = [−0.1, −0.2]、θ₀ = [1, 1] 下，它算出 v₁ = [0.001, 0.004]、θ₁ = [0.998, 0.996]。',
    },
    right: {
      en: 'v₁ = [{0}, {1}], and θ rises, since the gradient is negative: θ₁ ≈ [{2}, {3}] without bias correction, [{4}, {5}] with it.',
      zh: 'v₁ = [{0}, {1}]；梯度为负，θ 应当增大：不做偏差修正时 θ₁ ≈ [{2}, {3}]，修正后 θ₁ ≈ [{4}, {5}]。',
    },
    values: [
      { fn: 'loAdam', args: ['v1', 0, false], digits: 4 },
      { fn: 'loAdam', args: ['v1', 1, false], digits: 4 },
      { fn: 'loAdam', args: ['theta1', 0, false], digits: 6 },
      { fn: 'loAdam', args: ['theta1', 1, false], digits: 6 },
      { fn: 'loAdam', args: ['theta1', 0, true], digits: 6 },
      { fn: 'loAdam', args: ['theta1', 1, true], digits: 6 },
    ],
    taught: [{ slug: 'loss-and-optimizers', heading: 'adam-example' }],
  },
  {
    id: 'pip-install-python',
    source: '001',
    section: { en: '§5.1', zh: '§5.1' },
    claim: { en: 'pip cannot install Python', zh: 'pip install python 装不了 Python' },
    says: { en: 'Its setup begins with `pip install python==3.8.10`.', zh: '它的环境搭建第一步是 `pip install python==3.8.10`。' },
    right: {
      en: 'pip installs packages into the Python that runs it; there is no `python` package to install. Get an interpreter from the system, python.org or a version manager, then work in a virtual environment.',
      zh: 'pip 只能把软件包装进运行它的那个 Python，并没有可安装的 `python` 包。解释器要从操作系统、python.org 或版本管理工具获取，再在虚拟环境里工作。',
    },
    taught: [{ slug: 'training-pipeline', heading: 'sources-code' }],
  },
  {
    id: 'sigmoid-is-classification',
    source: '001',
    section: { en: '§5.3.2', zh: '§5.3.2' },
    claim: { en: 'a sigmoid output with binary cross-entropy is classification', zh: 'sigmoid 输出加二元交叉熵是分类，不是回归' },
    says: {
      en: 'Its network ends in one sigmoid unit trained with `binary_crossentropy` and an accuracy metric, and the text calls that layer “for a regression task”.',
      zh: '网络以一个 sigmoid 单元输出，用 `binary_crossentropy` 和准确率指标训练，文字却说这一层“用于回归任务”。',
    },
    right: {
      en: 'That is a binary classifier: the output is the probability of class 1. A regression network ends in a linear unit and trains with MSE or a similar loss.',
      zh: '这是一个二分类器，输出是属于类别 1 的概率。回归网络以线性单元输出，用均方误差之类的损失训练。',
    },
    taught: [{ slug: 'loss-and-optimizers', heading: 'binary-cross-entropy' }, { slug: 'training-pipeline', heading: 'sources-code' }],
  },
  {
    id: 'vgg-is-deep',
    source: '001',
    section: { en: '§6.2', zh: '§6.2' },
    claim: { en: 'VGG is a deep network', zh: 'VGG 是深层网络' },
    says: { en: 'It describes VGG as a shallow network.', zh: '把 VGG 说成浅层网络。' },
    right: {
      en: 'VGG-16 and VGG-19 have 16 and 19 weight layers (Simonyan and Zisserman, 2014); at the time they were among the deepest networks in use.',
      zh: 'VGG-16 和 VGG-19 分别有 16 个和 19 个带权重的层（Simonyan 与 Zisserman，2014），在当时属于最深的一批网络。',
    },
    taught: [{ slug: 'large-models', heading: 'deep-learning-era' }, { slug: 'applications', heading: 'vision-tasks' }],
  },
  {
    id: 'alphago-trading',
    source: '001',
    section: { en: '§6.4', zh: '§6.4' },
    claim: { en: 'AlphaGo plays Go', zh: 'AlphaGo 是下围棋的' },
    says: {
      en: 'It lists AlphaGo and Deep Q-Network among the large models “widely used” in quantitative trading to generate strategies and control risk.',
      zh: '把 AlphaGo 和 Deep Q-Network 列为在量化交易中“被广泛应用”于生成交易策略、控制风险的大模型。',
    },
    right: {
      en: 'AlphaGo is DeepMind’s Go-playing system (Silver et al., 2016), and Deep Q-Network learned to play Atari games (Mnih et al., 2015). Neither is a trading system.',
      zh: 'AlphaGo 是 DeepMind 的围棋程序（Silver 等，2016），Deep Q-Network 学的是玩 Atari 游戏（Mnih 等，2015）。两者都不是交易系统。',
    },
    taught: [{ slug: 'applications', heading: 'finance' }],
  },
  {
    id: 'references-001',
    source: '001',
    section: { en: '§7 and §10', zh: '§7 与 §10' },
    claim: { en: 'references that do not exist or are misattributed', zh: '不存在或署名错误的文献' },
    says: {
      en: 'It recommends “A Brief History of Time Dilation” by Albert Einstein, two “latest research results” that do not exist, and books under the wrong authors.',
      zh: '它推荐了爱因斯坦的《A Brief History of Time Dilation》、两篇并不存在的“最新研究成果”，以及署错了作者的书。',
    },
    right: {
      en: 'Einstein wrote no such paper, and none of it is about AI; the two papers do not exist. The book cites only works that exist, each with a DOI or URL.',
      zh: '爱因斯坦没有写过这篇论文，它也与人工智能无关；那两篇论文并不存在。本书只引用真实存在、附有 DOI 或网址的文献。',
    },
    taught: [{ slug: 'frameworks', heading: 'source-001' }],
  },
  {
    id: 'explainability-tools',
    source: '001',
    section: { en: '§9.3', zh: '§9.3' },
    claim: { en: 'TensorBoard, GANs and compression explain nothing', zh: 'TensorBoard、GAN 和模型压缩解释不了模型' },
    says: {
      en: 'To make a model explainable it suggests visualising it with TensorBoard, training a generative adversarial network, and compressing the model by pruning or quantization, next to feature-importance analysis.',
      zh: '为提高模型的解释性，它建议用 TensorBoard 可视化、训练生成对抗网络、通过剪枝和量化压缩模型，并列的还有特征重要性分析。',
    },
    right: {
      en: 'TensorBoard plots the training run, a GAN generates data, and compression changes a model’s size, not our understanding of it. Explanations of a prediction come from attribution methods such as integrated gradients, checked for completeness and against randomised models (Adebayo et al., 2018).',
      zh: 'TensorBoard 画的是训练过程，GAN 生成的是数据，压缩改变的是模型的大小，而不是我们对它的理解。解释一次预测要用积分梯度这类归因方法，并检查完备性、用随机化的模型对照（Adebayo 等，2018）。',
    },
    taught: [{ slug: 'future', heading: 'explainability' }],
  },

  // ---------- Source 002 ----------
  {
    id: 'deep-belief-nets-date',
    source: '002',
    section: { en: '§1.2', zh: '§1.2' },
    claim: { en: 'when deep belief networks and backpropagation arrived', zh: '深度信念网络和反向传播的年代' },
    says: {
      en: 'It places Hinton’s deep belief networks in the 1980s and 1990s and credits Hinton in 2006 with a gradient-descent method for deep networks.',
      zh: '把 Hinton 的深度信念网络放在 20 世纪八九十年代，又说 Hinton 在 2006 年提出了基于梯度下降的深度网络训练方法。',
    },
    right: {
      en: 'Backpropagation was popularised in 1986 (Rumelhart, Hinton and Williams); deep belief networks date from 2006 (Hinton, Osindero and Teh), whose contribution was layer-wise pre-training.',
      zh: '反向传播在 1986 年推广开来（Rumelhart、Hinton 与 Williams）；深度信念网络出自 2006 年（Hinton、Osindero 与 Teh），其贡献是逐层预训练。',
    },
    taught: [{ slug: 'large-models', heading: 'deep-learning-era' }],
  },
  {
    id: 'distributed-training-cost',
    source: '002',
    section: { en: '§1.3', zh: '§1.3' },
    claim: { en: 'distributed training does not lower compute cost', zh: '分布式训练并不降低算力成本' },
    says: { en: 'It says large models use distributed training to lower training time and compute cost.', zh: '说大模型采用分布式训练是为了降低训练时间和计算成本。' },
    right: {
      en: 'It shortens the wall-clock time only. The FLOPs are fixed by 6ND, and the GPU-hours rise with scale as communication grows and MFU falls.',
      zh: '它缩短的只是墙上时间。浮点运算量由 6ND 定死，而规模越大通信越多、MFU 越低，GPU 小时反而会增加。',
    },
    taught: [{ slug: 'compute-economics', heading: 'overhead' }],
  },
  {
    id: 'pseudocode-network',
    source: '002',
    section: { en: '§2.1.1–2.1.2', zh: '§2.1.1–2.1.2' },
    claim: { en: 'the pseudocode does not compute a network', zh: '伪代码算的不是一个网络' },
    says: {
      en: 'Its pseudocode uses one and the same `weight` for every input and hidden unit, discards the hidden outputs, and its training loop never keeps the result of `forward_pass`.',
      zh: '伪代码让所有输入和隐藏单元共用同一个 `weight`，丢掉了隐藏单元的输出，训练循环也从不保存 `forward_pass` 的结果。',
    },
    right: {
      en: 'Each connection has its own weight, and the output layer reads every hidden output through its own weight; each iteration computes the loss of the current forward pass.',
      zh: '每条连接有自己的权重，输出层通过各自的权重读取全部隐藏输出；每次迭代都要用本次前向传播的结果计算损失。',
    },
    taught: [{ slug: 'neural-networks', heading: 'forward-pass' }],
  },
  {
    id: 'tensorflow-1',
    source: '002',
    section: { en: '§2.1.3', zh: '§2.1.3' },
    claim: { en: 'TensorFlow 1 code', zh: 'TensorFlow 1 的写法' },
    says: { en: 'It teaches TensorFlow with `tf.placeholder` and `tf.Session`.', zh: '用 `tf.placeholder` 和 `tf.Session` 讲 TensorFlow。' },
    right: {
      en: 'Those are TensorFlow 1 APIs, removed from TensorFlow 2’s default API in 2019 and kept only under `tf.compat.v1`. TensorFlow 2 runs eagerly, with `tf.GradientTape` or Keras’s `fit`.',
      zh: '这些是 TensorFlow 1 的 API，2019 年的 TensorFlow 2 已把它们移出默认 API，只保留在 `tf.compat.v1` 下。TensorFlow 2 默认即时执行，用 `tf.GradientTape` 或 Keras 的 `fit` 训练。',
    },
    taught: [{ slug: 'neural-networks', heading: 'frameworks-compared' }],
  },
  {
    id: 'stock-price-prediction',
    source: '002',
    section: { en: '§3.1', zh: '§3.1' },
    claim: { en: 'forecasting stock prices is not a routine application', zh: '预测股价不是一项常规应用' },
    says: {
      en: 'It gives predicting the trend of stock prices, to help investors decide more accurately, as an example of what large models do in data analysis.',
      zh: '把“在股票市场，AI大模型可以用于预测股票价格的走势，帮助投资者做出更准确的决策”当作数据分析应用的例子。',
    },
    right: {
      en: 'Prices already reflect what the public can learn from their history, so a forecast that beats the market after costs is rare, and a backtest flatters it: test 20 skill-less strategies at the 5 % level and the chance that at least one passes is {0}. Finance’s routine uses of machine learning are fraud detection, credit scoring, document reading and compliance.',
      zh: '价格已经反映了公众能从历史走势里看出的信息，扣除成本后还能跑赢市场的预测很少见，而回测又会美化它：用 5% 的显著性水平检验 20 个毫无本事的策略，至少有一个“通过”的概率是 {0}。金融业里机器学习的常规用途是反欺诈、信用评分、文档识读和合规审查。',
    },
    values: [{ fn: 'apAnyFalsePass', args: [20, 0.05], digits: 2 }],
    taught: [{ slug: 'applications', heading: 'finance' }],
  },
  {
    id: 'selling-user-data',
    source: '002',
    section: { en: '§4.2', zh: '§4.2' },
    claim: { en: 'a company may not simply sell its users’ data', zh: '出售用户数据不是一门随便能做的生意' },
    says: {
      en: 'It describes data monetisation as collecting and analysing user data and supplying the results to other companies or government agencies.',
      zh: '把数据变现描述为收集、分析用户数据，再把结果提供给其他企业或政府机构。',
    },
    right: {
      en: 'Passing personal data on needs each person’s separate consent in China (PIPL, article 23) and a lawful basis for every use in the EU (GDPR). What can be sold is data the company has the rights to, such as properly anonymised aggregates.',
      zh: '在中国，向他人提供个人信息须取得个人的单独同意（《个人信息保护法》第二十三条）；在欧盟，每一种用途都需要合法依据（GDPR）。能卖的只是公司拥有权利的数据，例如经过妥善匿名化的汇总统计。',
    },
    taught: [{ slug: 'startup-strategy', heading: 'data-products' }],
  },
  {
    id: 'novelty-not-moat',
    source: '002',
    section: { en: '§5.1', zh: '§5.1' },
    claim: { en: 'novelty is not a moat, and a sector is not a project', zh: '新颖不是护城河，行业也不是项目' },
    says: {
      en: 'It asks that a project be innovative, and proposes four topics: medical diagnosis, smart agriculture, security surveillance and city traffic.',
      zh: '要求选题具有创新性，并给出四个选题：智能医疗诊断、智慧农业、智能安防和智慧城市交通。',
    },
    right: {
      en: 'What protects a product built on a foundation model is what rivals cannot easily get (proprietary data, a place in the workflow, a licence, a channel), so the book scores defensibility. And a sector names no customer, task or measure of success: each idea is first written as a project statement, then scored.',
      zh: '基于基础模型的产品，能保护它的是对手不容易得到的东西（专有数据、在工作流程中的位置、资质、渠道），所以本书给“护城河”打分。行业没有指明客户、任务和成功的衡量标准，每个想法都要先写成项目陈述，再打分。',
    },
    taught: [{ slug: 'project-planning', heading: 'source-criteria' }],
  },
  {
    id: 'feasibility-without-numbers',
    source: '002',
    section: { en: '§5.2', zh: '§5.2' },
    claim: { en: 'a feasibility analysis needs numbers', zh: '可行性分析要有数字' },
    says: {
      en: 'Its feasibility analysis of a diagnosis system asserts high technical maturity, a huge market and strong competitiveness, measures none of them, and leaves out medical-device approval.',
      zh: '对诊断系统的可行性分析断言技术成熟度较高、市场规模巨大、竞争力强，却一项也没有测量，还漏掉了医疗器械审批。',
    },
    right: {
      en: 'Each question ends in a number compared with a threshold set in advance: the confidence interval of the pass rate on real cases, a bottom-up market and paying commitments, unit economics and runway, and named risks such as regulatory approval.',
      zh: '每个问题都要落到一个与事先设定的门槛相比较的数字上：真实案例上通过率的置信区间、自下而上估算的市场和付费承诺、单位经济与跑道，以及监管审批这类有名有姓的风险。',
    },
    taught: [{ slug: 'project-planning', heading: 'feasibility' }],
  },
  {
    id: 'diagnosis-accuracy-claim',
    source: '002',
    section: { en: '§6.1', zh: '§6.1' },
    claim: { en: 'a diagnostic claim needs more than accuracy', zh: '诊断结论不能只报准确率' },
    says: {
      en: 'Its diagnosis company reports that its model is clearly more accurate than traditional methods, improves treatment and lowers costs, and gives no numbers.',
      zh: '称其诊断公司的模型准确率明显高于传统方法，还提高了治疗效果、降低了成本，却没有给出任何数字。',
    },
    right: {
      en: 'With a rare disease accuracy is nearly the specificity: at a prevalence of 0.01 a model that calls everyone healthy has accuracy {0}. A diagnostic claim names the population and its prevalence, gives sensitivity and specificity with confidence intervals against current practice on the same patients, and prices each kind of error.',
      zh: '疾病罕见时准确率几乎就是特异度：患病率为 0.01 时，把所有人都判为健康的模型准确率高达 {0}。诊断结论应写明人群及其患病率，在同一批病人身上与现行做法比较，给出灵敏度和特异度及其置信区间，并为每种错误标出代价。',
    },
    values: [{ fn: 'csAccuracy', args: [0, 1, 0.01], digits: 2 }],
    taught: [{ slug: 'case-studies', heading: 'accuracy' }],
  },
  {
    id: 'lab-to-clinic',
    source: '002',
    section: { en: '§6.1', zh: '§6.1' },
    claim: { en: 'diagnostic software needs authorisation before clinical use', zh: '诊断软件用于临床前必须获批' },
    says: {
      en: 'Its diagnosis company tests the model in the laboratory and then releases the product to medical institutions for clinical diagnosis.',
      zh: '其诊断公司在实验室环境中测试模型之后，就把产品交给医疗机构用于临床诊断。',
    },
    right: {
      en: 'Software intended to support diagnosis is a medical device in the United States, the European Union and China: it needs FDA clearance, a CE mark or an NMPA registration first, based on clinical evidence from the intended population.',
      zh: '在美国、欧盟和中国，用于辅助诊断的软件都属于医疗器械，必须先凭目标人群的临床证据取得 FDA 许可、CE 标志或国家药监局的注册证。',
    },
    taught: [{ slug: 'case-studies', heading: 'regulation' }],
  },
  {
    id: 'frameworks-out-of-date',
    source: '002',
    section: { en: 'appendix A.1', zh: '附录 A.1' },
    claim: { en: 'the framework comparison is out of date', zh: '框架对比已经过时' },
    says: {
      en: 'It describes Keras as built on TensorFlow and Theano and lists Apache MXNet among the main frameworks.',
      zh: '说 Keras 构建在 TensorFlow 和 Theano 之上，并把 Apache MXNet 列为主流框架之一。',
    },
    right: {
      en: 'Theano’s development ended in 2017; Keras 3 runs on TensorFlow, JAX and PyTorch. Apache MXNet was retired in 2023.',
      zh: 'Theano 在 2017 年停止开发；Keras 3 支持 TensorFlow、JAX 和 PyTorch 三种后端。Apache MXNet 已于 2023 年退役。',
    },
    taught: [{ slug: 'neural-networks', heading: 'frameworks-compared' }],
  },

  // ---------- Source 003 ----------
  {
    id: 'bce-brackets',
    source: '003',
    section: { en: '§4.2', zh: '§4.2' },
    claim: { en: 'the binary cross-entropy lacks its brackets', zh: '二元交叉熵少了括号' },
    says: { en: 'It writes the loss as −Σ y log ŷ + (1 − y) log(1 − ŷ).', zh: '把损失写成 −Σ y log ŷ + (1 − y) log(1 − ŷ)。' },
    right: {
      en: '−Σ [y log ŷ + (1 − y) log(1 − ŷ)]: without the brackets the second term is subtracted, and a confident wrong answer on a negative example would lower the loss.',
      zh: '应为 −Σ [y log ŷ + (1 − y) log(1 − ŷ)]。少了括号，第二项就被减去了：在负样本上错得越有把握，损失反而越低。',
    },
    taught: [{ slug: 'loss-and-optimizers', heading: 'binary-cross-entropy' }],
  },
  {
    id: 'lstm-batch-first',
    source: '003',
    section: { en: '§5.2', zh: '§5.2' },
    claim: { en: 'the last time step is taken from the wrong axis', zh: 'LSTM 的批维度放错了' },
    says: {
      en: 'Its classifier builds `nn.LSTM(embedding_dim, hidden_dim)` without `batch_first=True` and takes `x[:, -1, :]` as the output of the last time step.',
      zh: '分类器用 `nn.LSTM(embedding_dim, hidden_dim)` 而没有设 `batch_first=True`，又把 `x[:, -1, :]` 当作最后一个时间步的输出。',
    },
    right: {
      en: 'For batch-first input the LSTM then runs across the examples of the batch. Build it with `batch_first=True`, or take the final hidden state `h_n[-1]`.',
      zh: '对批在前的输入，这样的 LSTM 会沿着批里的样本做循环。应设 `batch_first=True`，或者直接取最终隐藏状态 `h_n[-1]`。',
    },
    taught: [{ slug: 'training-pipeline', heading: 'sources-code' }],
  },

  // ---------- Source 004 ----------
  {
    id: 'cost-model-without-money',
    source: '004',
    section: { en: '§2.2 and §4.1', zh: '§2.2 与 §4.1' },
    claim: { en: 'a cost model without money', zh: '没有钱的成本模型' },
    says: {
      en: 'Its diagram of core concepts has no node for capital or revenue, and its equation sets the capital raised equal to total cost, using M and D for several different things.',
      zh: '它的核心概念图里没有资本或收入的节点；公式让融到的资本等于总成本，M 和 D 又各自身兼数职。',
    },
    right: {
      en: 'Money enters as capital and revenue and leaves through each budget line; each line gets its own variable.',
      zh: '钱以资本和收入的形式流入，经由各个预算科目流出；每个科目都应有自己的变量。',
    },
    taught: [{ slug: 'capital-allocation', heading: 'cost-diagram' }],
  },
  {
    id: 'minimise-total-cost',
    source: '004',
    section: { en: '§4.2', zh: '§4.2' },
    claim: { en: 'minimising total cost is solved by spending nothing', zh: '“总成本最小”的解是一分钱不花' },
    says: { en: 'It proposes to minimise the total cost of data, model, marketing, team, users and optimisation, searched by “binary search”.', zh: '提出要最小化数据、模型、营销、团队、用户和优化的总成本，并用“二分查找”求解。' },
    right: {
      en: 'With no outcome in the objective, the minimum is zero spend. The real problem maximises outcome under a budget and is solved by equal marginal returns: a bisection on the common marginal return λ.',
      zh: '目标里没有成果，最优解就是什么都不花。真正的问题是在预算约束下最大化成果，解法是让边际收益相等：对共同的边际收益 λ 做二分。',
    },
    taught: [{ slug: 'capital-allocation', heading: 'wrong-question' }],
  },
  {
    id: 'lstm-one-label-per-sequence',
    source: '004',
    section: { en: '§5.2–5.4', zh: '§5.2–5.4' },
    claim: { en: 'one prediction per time step, one label per sequence', zh: '逐个时间步输出，对上的却是每条序列一个标签' },
    says: {
      en: 'Its classifier stacks `Dense(1)` on `LSTM(128, return_sequences=True)`, trains on one label per sequence with data it never defines, and prints a training log.',
      zh: '分类器在 `LSTM(128, return_sequences=True)` 后面接 `Dense(1)`，用每条序列一个标签训练，数据却从未定义，还附上了一份训练日志。',
    },
    right: {
      en: 'That model predicts one value per time step. Keep the last state (`LSTM(128)`, the default) or pool the states. The log cannot come from the code as printed; Keras would even count {0} batches per epoch for 10,000 examples in batches of 32.',
      zh: '这个模型对每个时间步各输出一个值。应只保留最后一步的状态（默认的 `LSTM(128)`），或者对各步做池化。那份日志不可能出自这段代码：10000 个样本、批大小 32，Keras 每轮计的是 {0} 批。',
    },
    values: [{ fn: 'loStepsPerEpoch', args: [10000, 32], digits: 0 }],
    taught: [{ slug: 'transformers', heading: 'sources-gpt' }, { slug: 'capital-allocation', heading: 'forecasting-code' }],
  },
];

const BY_ID = new Map(ERRATA.map((e) => [e.id, e]));

/** The erratum with this id, if any. */
export function erratumById(id: string): Erratum | undefined {
  return BY_ID.get(id);
}

const TITLE: Bilingual<(e: Erratum, claim: string) => string> = {
  en: (e, claim) => `Source ${e.source}, ${e.section.en}: ${claim}`,
  zh: (e, claim) => `资料 ${e.source} ${e.section.zh}：${claim}`,
};

/** A callout's title: source, section and short claim ("Source 001, §4.2.1: σ(2) is 0.8808, not 0.869"). */
export function erratumTitle(e: Erratum, lang: Lang, values: readonly string[] = []): string {
  return TITLE[lang](e, fillValues(e.claim[lang], values));
}

/** Replaces {0}, {1}, … by the formatted values; a placeholder without a value fails loudly. */
export function fillValues(text: string, values: readonly string[]): string {
  return text.replace(/\{(\d+)\}/g, (_m, i: string) => {
    const v = values[Number(i)];
    if (v === undefined) throw new Error(`errata: "${text}" has {${i}} but only ${values.length} value(s)`);
    return v;
  });
}

/** The errata of one source, in the order of its sections. */
export function errataOfSource(source: SourceId): Erratum[] {
  return ERRATA.filter((e) => e.source === source);
}
