/**
 * Milestones for chapter 1's timeline, in both editions. Each entry cites the work it names (authors, year), and the
 * year is the year of first publication or release.
 */
import type { Bilingual } from '../i18n';

export interface Milestone {
  /** Stable id, used as a React key and in tests. */
  id: string;
  year: number;
  /** Optional month (1–12) to separate events of the same year. */
  month?: number;
  /** Grouping for colour: 'idea' (algorithms and theory), 'system' (models and systems), 'product' (releases to the public). */
  kind: 'idea' | 'system' | 'product';
  title: Bilingual;
  detail: Bilingual;
  /** The work it refers to, as a short citation (e.g. "Vaswani et al., 2017, Attention Is All You Need"). */
  cite: string;
}

export const MILESTONES: readonly Milestone[] = [
  {
    id: 'mcculloch-pitts',
    year: 1943,
    kind: 'idea',
    title: { zh: '形式神经元', en: 'The formal neuron' },
    detail: {
      zh: 'McCulloch 与 Pitts 把神经元抽象成“输入之和超过阈值就输出 1”的二值单元，并证明由这种单元连成的网络能够实现任意逻辑命题。',
      en: 'McCulloch and Pitts modelled a neuron as a binary unit that fires when its summed input crosses a threshold, and showed that networks of such units can compute any logical proposition.',
    },
    cite: 'McCulloch & Pitts, 1943, A Logical Calculus of the Ideas Immanent in Nervous Activity, Bulletin of Mathematical Biophysics 5',
  },
  {
    id: 'perceptron',
    year: 1958,
    kind: 'idea',
    title: { zh: '感知机', en: 'The perceptron' },
    detail: {
      zh: 'Rosenblatt 给阈值神经元加上可调的权重和一条根据样本纠错的学习规则，神经网络第一次能从数据中“学”出参数，而不必由人手工设定。',
      en: 'Rosenblatt gave the threshold neuron a rule that adjusts its weights from labelled examples, so a network could learn rather than be wired by hand.',
    },
    cite: 'Rosenblatt, 1958, The Perceptron: A Probabilistic Model for Information Storage and Organization in the Brain, Psychological Review 65(6)',
  },
  {
    id: 'minsky-papert',
    year: 1969,
    kind: 'idea',
    title: { zh: '《感知机》一书', en: 'Perceptrons, the book' },
    detail: {
      zh: 'Minsky 与 Papert 严格证明单层感知机无法表示异或、奇偶性等函数；这本书被普遍认为是此后神经网络研究长期低迷的原因之一。',
      en: 'Minsky and Papert proved that single-layer perceptrons cannot represent functions such as XOR or parity; the book is widely blamed for the long slump in neural-network research that followed.',
    },
    cite: 'Minsky & Papert, 1969, Perceptrons: An Introduction to Computational Geometry, MIT Press',
  },
  {
    id: 'backpropagation',
    year: 1986,
    kind: 'idea',
    title: { zh: '反向传播走红', en: 'Backpropagation popularised' },
    detail: {
      zh: 'Rumelhart、Hinton 与 Williams 展示了用链式法则把误差逐层回传即可训练多层网络，隐藏层由此学到有用的内部表示。',
      en: 'Rumelhart, Hinton and Williams showed that propagating errors backwards with the chain rule trains multilayer networks whose hidden units learn useful internal representations.',
    },
    cite: 'Rumelhart, Hinton & Williams, 1986, Learning representations by back-propagating errors, Nature 323',
  },
  {
    id: 'lenet',
    year: 1989,
    kind: 'system',
    title: { zh: '卷积网络识别邮编', en: 'A convolutional net reads zip codes' },
    detail: {
      zh: 'LeCun 等人用反向传播训练卷积网络识别手写邮编数字；1998 年的 LeNet-5 又把这条路线用到了银行支票识别的实际业务中。',
      en: 'LeCun and colleagues trained a convolutional network with backpropagation to read handwritten zip-code digits; LeNet-5 (1998) carried the design into production cheque reading.',
    },
    cite: 'LeCun et al., 1989, Backpropagation Applied to Handwritten Zip Code Recognition, Neural Computation 1(4)',
  },
  {
    id: 'lstm',
    year: 1997,
    kind: 'idea',
    title: { zh: '长短期记忆网络', en: 'Long short-term memory' },
    detail: {
      zh: 'Hochreiter 与 Schmidhuber 给循环网络加上带门控的记忆单元，缓解了梯度消失，使网络能记住长距离依赖；在 Transformer 出现之前，它长期是序列建模的主力。',
      en: 'Hochreiter and Schmidhuber added gated memory cells to recurrent networks so that gradients survive long sequences; until the Transformer, LSTMs were the workhorse of sequence modelling.',
    },
    cite: 'Hochreiter & Schmidhuber, 1997, Long Short-Term Memory, Neural Computation 9(8)',
  },
  {
    id: 'deep-belief-nets',
    year: 2006,
    kind: 'idea',
    title: { zh: '深度信念网络', en: 'Deep belief networks' },
    detail: {
      zh: 'Hinton、Osindero 与 Teh 提出逐层贪心预训练，让多层网络重新变得可以训练，“深度学习”这一说法随之流行开来。',
      en: 'Hinton, Osindero and Teh trained deep networks one layer at a time, making many-layer models trainable again and putting the phrase "deep learning" into circulation.',
    },
    cite: 'Hinton, Osindero & Teh, 2006, A Fast Learning Algorithm for Deep Belief Nets, Neural Computation 18(7)',
  },
  {
    id: 'alexnet',
    year: 2012,
    kind: 'system',
    title: { zh: 'AlexNet', en: 'AlexNet' },
    detail: {
      zh: '一个约 6000 万参数、在两块 GPU 上训练的卷积网络把 ImageNet 前五错误率降到 15.3%，第二名为 26.2%，深度学习从此成为主流。',
      en: 'A convolutional network of about 60 million parameters, trained on two GPUs, cut ImageNet top-5 error to 15.3% against 26.2% for the runner-up, and deep learning became the mainstream.',
    },
    cite: 'Krizhevsky, Sutskever & Hinton, 2012, ImageNet Classification with Deep Convolutional Neural Networks, NeurIPS',
  },
  {
    id: 'word2vec',
    year: 2013,
    kind: 'idea',
    title: { zh: 'word2vec 词向量', en: 'word2vec embeddings' },
    detail: {
      zh: 'Mikolov 等人用浅层网络从数十亿词的语料中高效学出词向量，语义相近的词在向量空间里彼此靠近；这种“词嵌入”后来成了语言模型的输入层。',
      en: 'Mikolov and colleagues learned word vectors from billions of words with a shallow network, placing related words close together, the input layer of later language models.',
    },
    cite: 'Mikolov, Chen, Corrado & Dean, 2013, Efficient Estimation of Word Representations in Vector Space, arXiv:1301.3781',
  },
  {
    id: 'seq2seq-attention',
    year: 2014,
    kind: 'idea',
    title: { zh: '序列到序列与注意力', en: 'Sequence to sequence, then attention' },
    detail: {
      zh: '编码器—解码器结构让神经网络端到端地翻译整句；Bahdanau 等人又让解码器每生成一个词都去“注意”源句中最相关的位置，注意力机制由此诞生。',
      en: 'Encoder–decoder networks learned to translate whole sentences, and Bahdanau and colleagues let the decoder attend to the most relevant source words at each step, introducing attention.',
    },
    cite: 'Bahdanau, Cho & Bengio, 2014, Neural Machine Translation by Jointly Learning to Align and Translate, arXiv:1409.0473; Sutskever, Vinyals & Le, 2014, Sequence to Sequence Learning with Neural Networks, arXiv:1409.3215',
  },
  {
    id: 'transformer',
    year: 2017,
    month: 6,
    kind: 'idea',
    title: { zh: 'Transformer', en: 'The Transformer' },
    detail: {
      zh: 'Vaswani 等人去掉循环结构，只用自注意力和前馈层搭出 Transformer，可在整段序列上并行训练，成为此后几乎所有大模型的骨架。',
      en: 'Vaswani and colleagues dropped recurrence and built a network from self-attention and feed-forward layers that trains in parallel over a whole sequence, the backbone of nearly every large model since.',
    },
    cite: 'Vaswani et al., 2017, Attention Is All You Need, arXiv:1706.03762',
  },
  {
    id: 'gpt',
    year: 2018,
    month: 6,
    kind: 'system',
    title: { zh: 'GPT：生成式预训练', en: 'GPT: generative pre-training' },
    detail: {
      zh: 'OpenAI 先让一个约 1.17 亿参数的 Transformer 解码器在大量无标注图书文本上学习预测下一个词，再针对各任务微调，在多数测试任务上超过了专门设计的模型。',
      en: 'OpenAI pre-trained a Transformer decoder of about 117 million parameters to predict the next token on unlabelled books, then fine-tuned it per task, beating task-specific architectures on most benchmarks it tried.',
    },
    cite: 'Radford, Narasimhan, Salimans & Sutskever, 2018, Improving Language Understanding by Generative Pre-Training, OpenAI',
  },
  {
    id: 'bert',
    year: 2018,
    month: 10,
    kind: 'system',
    title: { zh: 'BERT', en: 'BERT' },
    detail: {
      zh: 'Devlin 等人用“遮住词再猜回来”的目标双向预训练 Transformer 编码器，3.4 亿参数的 BERT-large 刷新了十一项自然语言处理任务的纪录。',
      en: 'Devlin and colleagues pre-trained a bidirectional Transformer encoder by predicting masked words; the 340-million-parameter BERT-large set new records on eleven language-understanding tasks.',
    },
    cite: 'Devlin, Chang, Lee & Toutanova, 2018, BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding, arXiv:1810.04805',
  },
  {
    id: 'scaling-laws',
    year: 2020,
    month: 1,
    kind: 'idea',
    title: { zh: '规模定律', en: 'Scaling laws' },
    detail: {
      zh: 'Kaplan 等人测得语言模型的损失随参数量、数据量和算力按幂律平滑下降，有的趋势跨越七个数量级以上；扩大规模从此成了可以事先做预算的工程决策。',
      en: 'Kaplan and colleagues measured language-model loss falling as a smooth power law in parameters, data and compute over seven orders of magnitude, turning scale into a decision one can budget.',
    },
    cite: 'Kaplan et al., 2020, Scaling Laws for Neural Language Models, arXiv:2001.08361',
  },
  {
    id: 'gpt-3',
    year: 2020,
    month: 5,
    kind: 'system',
    title: { zh: 'GPT-3 与上下文学习', en: 'GPT-3 and in-context learning' },
    detail: {
      zh: '1750 亿参数的 GPT-3 只需在提示里给几个示例就能完成新任务，无需更新任何权重，“少样本提示”成为使用大模型的新方式。',
      en: 'The 175-billion-parameter GPT-3 performed new tasks from a few examples placed in its prompt, with no weight updates, and few-shot prompting became a new way to use a model.',
    },
    cite: 'Brown et al., 2020, Language Models are Few-Shot Learners, arXiv:2005.14165',
  },
  {
    id: 'chinchilla',
    year: 2022,
    month: 3,
    kind: 'idea',
    title: { zh: 'Chinchilla：算力最优', en: 'Chinchilla: compute-optimal training' },
    detail: {
      zh: 'Hoffmann 等人发现，算力一定时参数量与训练数据应同步增长；用 1.4 万亿 token 训练的 700 亿参数模型 Chinchilla 胜过了 2800 亿参数的 Gopher。',
      en: 'Hoffmann and colleagues found that for a fixed compute budget parameters and training tokens should grow in step; the 70-billion-parameter Chinchilla, trained on 1.4 trillion tokens, beat the 280-billion-parameter Gopher.',
    },
    cite: 'Hoffmann et al., 2022, Training Compute-Optimal Large Language Models, arXiv:2203.15556',
  },
  {
    id: 'chatgpt',
    year: 2022,
    month: 11,
    kind: 'product',
    title: { zh: 'ChatGPT 发布', en: 'ChatGPT' },
    detail: {
      zh: 'OpenAI 把经过指令微调和人类反馈强化学习（RLHF）的对话模型免费开放给公众，大模型从研究对象变成了亿万人日常使用的产品。',
      en: 'OpenAI opened to the public a chat model tuned with instructions and reinforcement learning from human feedback (RLHF), and large models turned from a research topic into a product used by hundreds of millions.',
    },
    cite: 'OpenAI, 2022, Introducing ChatGPT; method: Ouyang et al., 2022, Training language models to follow instructions with human feedback, arXiv:2203.02155',
  },
  {
    id: 'llama',
    year: 2023,
    month: 2,
    kind: 'system',
    title: { zh: 'LLaMA 与开放权重', en: 'LLaMA and open weights' },
    detail: {
      zh: 'Meta 公布 70 亿至 650 亿参数的 LLaMA，其中 130 亿参数版本在多数基准上超过 GPT-3；同年 7 月的 Llama 2 允许商用，开放权重模型成为创业公司的重要起点。',
      en: 'Meta released LLaMA at 7 to 65 billion parameters, its 13-billion version beating GPT-3 on most benchmarks; Llama 2 followed in July under a licence allowing commercial use, making open weights a starting point for startups.',
    },
    cite: 'Touvron et al., 2023, LLaMA: Open and Efficient Foundation Language Models, arXiv:2302.13971',
  },
  {
    id: 'deepseek-r1',
    year: 2025,
    month: 1,
    kind: 'product',
    title: { zh: 'DeepSeek-R1：开放的推理模型', en: 'DeepSeek-R1: an open reasoning model' },
    detail: {
      zh: '深度求索用大规模强化学习训练模型先写出长推理链再作答，以 MIT 许可证公开权重，在数学和编程基准上接近同期最强的闭源推理模型。',
      en: 'DeepSeek trained a model with large-scale reinforcement learning to reason at length before answering and released its weights under the MIT licence, approaching the best closed reasoning models on mathematics and coding benchmarks.',
    },
    cite: 'DeepSeek-AI, 2025, DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning, arXiv:2501.12948',
  },
];
