/**
 * The glossary (Appendix C): every term the chapters lean on, with the forms it takes in each edition and a short
 * definition. The glossary page renders this list; lib/mdx/glossary-links.ts links the first use of each term in every
 * section of a chapter to its entry. Nothing else lists terms.
 */
import type { Bilingual, Lang } from '../i18n';

export interface GlossaryEntry {
  /** The anchor on the glossary page (`/<lang>/glossary/#<id>`): kebab-case, stable. */
  id: string;
  /** The headword as the glossary shows it. It is also matched in the text unless it contains parentheses. */
  term: Bilingual;
  /**
   * Further forms matched in each edition's prose: plurals, spellings, abbreviations, synonyms. English matches whole
   * words, case-insensitively; Chinese matches substrings (Latin forms in Chinese text as whole words).
   */
  aliases: Bilingual<readonly string[]>;
  /**
   * Phrases that contain a form of this term but mean something else; the matcher consumes them without linking, so
   * a shorter form inside them is not linked either.
   */
  notLinked?: Partial<Bilingual<readonly string[]>>;
  /** Sort key of a Chinese headword that starts with a Han character: its pinyin, toneless, syllables spaced. */
  pinyin?: string;
  definition: Bilingual;
  /** Other entries worth reading next. */
  related?: readonly string[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'accuracy',
    term: { en: 'Accuracy', zh: '准确率' },
    pinyin: 'zhun que lv',
    aliases: { en: ['accuracies'], zh: [] },
    definition: {
      en: 'The share of predictions that are right. It misleads when one class is rare: a model that always predicts the common class can score high.',
      zh: '预测正确的样本占全部样本的比例。类别不均衡时它会误导人：一个永远预测多数类的模型，准确率也可以很高。',
    },
    related: ['precision-recall', 'f1-score', 'confusion-matrix'],
  },
  {
    id: 'activation-function',
    term: { en: 'Activation function', zh: '激活函数' },
    pinyin: 'ji huo han shu',
    aliases: { en: ['activation functions', 'activation', 'activations'], zh: ['激活值'] },
    definition: {
      en: 'The non-linear function a neuron applies to its weighted sum, such as ReLU, sigmoid or tanh. Without one, any stack of layers collapses into a single linear map.',
      zh: '神经元对加权和施加的非线性函数，如 ReLU、sigmoid、tanh。没有它，叠多少层都只相当于一次线性变换。',
    },
    related: ['neuron', 'relu', 'sigmoid', 'tanh'],
  },
  {
    id: 'adam',
    term: { en: 'Adam', zh: 'Adam' },
    aliases: { en: [], zh: [] },
    definition: {
      en: 'An optimizer that scales each parameter’s step by running averages of its gradient (the first moment) and of its squared gradient (the second moment), with a bias correction for the first steps (Kingma and Ba, 2014).',
      zh: '一种优化器：用梯度的移动平均（一阶矩）和梯度平方的移动平均（二阶矩）为每个参数单独确定步长，并对最初几步做偏差修正（Kingma 与 Ba，2014）。',
    },
    related: ['bias-correction', 'adamw', 'momentum', 'rmsprop'],
  },
  {
    id: 'adamw',
    term: { en: 'AdamW', zh: 'AdamW' },
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Adam with decoupled weight decay: every weight shrinks by the same small factor each step, outside the adaptive scaling. The usual optimizer for training Transformers.',
      zh: '把权重衰减从自适应缩放中分离出来的 Adam：每一步所有权重按同一个小比例收缩，不受梯度大小的影响。训练 Transformer 最常用的优化器。',
    },
    related: ['adam', 'weight-decay'],
  },
  {
    id: 'anomaly-detection',
    term: { en: 'Anomaly detection', zh: '异常检测' },
    pinyin: 'yi chang jian ce',
    aliases: { en: ['anomaly detector', 'anomaly detectors'], zh: [] },
    definition: {
      en: 'Finding the records that do not look like the rest, such as fraudulent transactions or failing machines, usually by scoring how unusual each one is and flagging the scores above a threshold.',
      zh: '找出与其余数据不一样的记录，如欺诈交易、出故障的机器。通常给每条记录打一个“有多反常”的分数，超过阈值就标记。',
    },
    related: ['autoencoder', 'precision-recall', 'auc'],
  },
  {
    id: 'ai-agent',
    term: { en: 'AI agent', zh: '智能体' },
    pinyin: 'zhi neng ti',
    aliases: { en: ['AI agents'], zh: ['AI 智能体'] },
    definition: {
      en: 'A language model run in a loop: it chooses an action (a search, an API call, running code), observes the result and chooses again until it judges the goal reached. Its reliability compounds over the steps.',
      zh: '放进循环里运行的语言模型：选择一个动作（搜索、调用 API、运行代码），观察结果，再选择下一步，直到它认为目标已经达成。它的可靠性随步数连乘。',
    },
    related: ['large-model', 'prompt'],
  },
  {
    id: 'attention',
    term: { en: 'Attention', zh: '注意力' },
    pinyin: 'zhu yi li',
    aliases: {
      en: ['self-attention', 'attention mechanism', 'multi-head attention', 'attention layer', 'attention layers'],
      zh: ['注意力机制', '自注意力', '多头注意力'],
    },
    notLinked: { en: ['pay attention', 'paying attention', 'pays attention', 'paid attention'] },
    definition: {
      en: 'A layer in which each position’s output is a weighted average of the value vectors of other positions, the weights being a softmax of query–key dot products: softmax(QKᵀ/√d_k)V.',
      zh: '一种层：每个位置的输出是其他位置值向量的加权平均，权重由查询与键的点积经 softmax 得出，即 softmax(QKᵀ/√d_k)V。',
    },
    related: ['transformer', 'softmax', 'kv-cache', 'positional-encoding'],
  },
  {
    id: 'auc',
    term: { en: 'AUC', zh: 'AUC' },
    aliases: { en: ['ROC AUC', 'area under the ROC curve'], zh: ['ROC 曲线下面积'] },
    definition: {
      en: 'The area under the ROC curve: the probability that a randomly chosen positive example scores higher than a randomly chosen negative one. It ignores prevalence and costs, so it compares models but does not pick a threshold.',
      zh: 'ROC 曲线下的面积，即随机取一个正例、一个负例，正例得分更高的概率。它不考虑患病率和代价，适合比较模型，不能用来选阈值。',
    },
    related: ['precision-recall', 'specificity', 'confusion-matrix'],
  },
  {
    id: 'autoencoder',
    term: { en: 'Autoencoder', zh: '自编码器' },
    pinyin: 'zi bian ma qi',
    aliases: { en: ['autoencoders', 'auto-encoder', 'auto-encoders'], zh: ['自动编码器'] },
    definition: {
      en: 'A network trained to reproduce its input through a narrow middle layer (the bottleneck). Trained on normal data only, it reconstructs unusual inputs badly, so its reconstruction error serves as an anomaly score.',
      zh: '一种经过狭窄的中间层（瓶颈）把输入重建出来的网络。只用正常数据训练时，它重建不好反常的输入，因此重建误差可以当作异常分数。',
    },
    related: ['anomaly-detection', 'mse', 'neural-network'],
  },
  {
    id: 'automl',
    term: { en: 'AutoML', zh: '自动机器学习' },
    pinyin: 'zi dong ji qi xue xi',
    aliases: { en: ['automated machine learning'], zh: ['AutoML'] },
    definition: {
      en: 'Automating the choices of model building: hyperparameter search, neural architecture search, and choosing among models and prompts against an evaluation set.',
      zh: '把建模中的选择自动化：超参数搜索、神经架构搜索，以及对照评测集在模型和提示词之间挑选。',
    },
    related: ['hyperparameter', 'validation-set'],
  },
  {
    id: 'backpropagation',
    term: { en: 'Backpropagation', zh: '反向传播' },
    pinyin: 'fan xiang chuan bo',
    aliases: { en: ['backprop', 'back-propagation', 'backward pass', 'backward passes'], zh: ['反向传递'] },
    definition: {
      en: 'The algorithm that computes the gradient of the loss with respect to every weight by applying the chain rule layer by layer, from the output back to the input (popularised by Rumelhart, Hinton and Williams, 1986).',
      zh: '计算损失对每个权重的梯度的算法：从输出层开始，逐层向输入层应用链式法则（1986 年由 Rumelhart、Hinton 与 Williams 推广）。',
    },
    related: ['gradient', 'forward-pass', 'gradient-descent'],
  },
  {
    id: 'batch-size',
    term: { en: 'Batch size', zh: '批大小' },
    pinyin: 'pi da xiao',
    aliases: { en: ['batch sizes', 'mini-batch', 'mini-batches', 'minibatch', 'minibatches'], zh: ['小批量', '批量大小'] },
    definition: {
      en: 'The number of examples whose gradients are averaged for one optimizer step. Larger batches give less noisy gradients and keep the hardware busier, at the same cost per example.',
      zh: '一步优化中参与平均梯度的样本数。批越大，梯度的噪声越小，硬件也越忙得满，而每个样本的计算量不变。',
    },
    related: ['sgd', 'epoch'],
  },
  {
    id: 'bf16',
    term: { en: 'bf16', zh: 'bf16' },
    aliases: { en: ['bfloat16'], zh: ['bfloat16'] },
    definition: {
      en: 'A 16-bit floating-point format (bfloat16) with the exponent range of fp32 and a shorter mantissa: 2 bytes per number. The usual format for training and serving large models.',
      zh: '一种 16 位浮点格式（bfloat16），指数范围与 fp32 相同、尾数更短，每个数占 2 字节。训练和部署大模型最常用的格式。',
    },
    related: ['fp32', 'mixed-precision', 'int8'],
  },
  {
    id: 'bias',
    term: { en: 'Bias', zh: '偏置' },
    pinyin: 'pian zhi',
    aliases: { en: ['biases'], zh: ['偏置项'] },
    definition: {
      en: 'The constant a neuron adds to its weighted sum before the activation. Like the weights it is a learned parameter; it shifts where the neuron switches on.',
      zh: '神经元在加权和之后、激活之前加上的常数。它和权重一样是学出来的参数，决定神经元在什么位置“打开”。',
    },
    related: ['neuron', 'parameter'],
  },
  {
    id: 'bias-correction',
    term: { en: 'Bias correction', zh: '偏差修正' },
    pinyin: 'pian cha xiu zheng',
    aliases: { en: ['bias-corrected'], zh: ['偏差校正'] },
    definition: {
      en: 'Adam’s division of its two moving averages by 1 − β₁ᵗ and 1 − β₂ᵗ, which undoes their pull towards the zero they start from during the first steps.',
      zh: 'Adam 把两个移动平均分别除以 1 − β₁ᵗ 和 1 − β₂ᵗ，抵消它们在最初几步被初值 0 拉低的偏差。',
    },
    related: ['adam'],
  },
  {
    id: 'bleu',
    term: { en: 'BLEU', zh: 'BLEU' },
    aliases: { en: [], zh: [] },
    definition: {
      en: 'A score of machine translation: how many sequences of one to four words the output shares with reference translations, with a penalty for output that is too short (Papineni et al., 2002). Cheap and crude; learned metrics such as COMET agree better with human judges.',
      zh: '机器翻译的一种评分：译文与参考译文共有多少个 1 到 4 词的词串，译文过短还要扣分（Papineni 等，2002）。便宜而粗糙，COMET 等学习得到的指标与人工评判更一致。',
    },
    related: ['token', 'perplexity'],
  },
  {
    id: 'break-even',
    term: { en: 'Break-even', zh: '盈亏平衡' },
    pinyin: 'ying kui ping heng',
    aliases: { en: ['break even', 'breaks even', 'breakeven'], zh: [] },
    definition: {
      en: 'The point at which revenue covers costs, so that the company stops consuming cash.',
      zh: '收入刚好覆盖支出、公司不再消耗现金的那个时点。',
    },
    related: ['burn', 'default-alive', 'runway'],
  },
  {
    id: 'burn',
    term: { en: 'Burn', zh: '净消耗' },
    pinyin: 'jing xiao hao',
    aliases: { en: ['burn rate', 'net burn', 'monthly burn'], zh: ['每月净消耗', '月净消耗'] },
    definition: {
      en: 'Net burn: the cash a company loses per month, its spending minus its revenue. Runway is cash divided by burn.',
      zh: '每月净流出的现金，即支出减去收入。资金跑道就是现金除以每月净消耗。',
    },
    related: ['runway', 'break-even'],
  },
  {
    id: 'cac',
    term: { en: 'CAC', zh: '获客成本' },
    pinyin: 'huo ke cheng ben',
    aliases: { en: ['customer acquisition cost', 'customer acquisition costs'], zh: ['CAC'] },
    definition: {
      en: 'Customer acquisition cost: sales and marketing spending in a period divided by the customers it won.',
      zh: '获得一个客户的平均成本：一段时间的销售与营销支出除以由此获得的客户数。',
    },
    related: ['ltv', 'payback', 'unit-economics'],
  },
  {
    id: 'churn',
    term: { en: 'Churn', zh: '流失率' },
    pinyin: 'liu shi lv',
    aliases: { en: ['churn rate'], zh: ['客户流失', '流失'] },
    definition: {
      en: 'The share of customers (or of revenue) lost per period. Lifetime value is roughly inversely proportional to it.',
      zh: '每个周期流失的客户（或收入）所占的比例。客户生命周期价值大致与它成反比。',
    },
    related: ['ltv', 'unit-economics'],
  },
  {
    id: 'cnn',
    term: { en: 'Convolutional neural network', zh: '卷积神经网络' },
    pinyin: 'juan ji shen jing wang luo',
    aliases: {
      en: ['convolutional neural networks', 'convolutional network', 'convolutional networks', 'CNN', 'CNNs', 'convolution', 'convolutions'],
      zh: ['卷积网络', 'CNN', '卷积'],
    },
    definition: {
      en: 'A network whose layers slide small learned filters over an image (or a sequence), reusing the same weights at every position. The standard architecture for vision before Transformers.',
      zh: '在图像（或序列）上滑动小的可学习滤波器、在每个位置共用同一组权重的网络。Transformer 出现之前，它是视觉任务的标准架构。',
    },
    related: ['neural-network', 'transformer'],
  },
  {
    id: 'cold-start',
    term: { en: 'Cold start', zh: '冷启动' },
    pinyin: 'leng qi dong',
    aliases: { en: ['cold-start'], zh: [] },
    definition: {
      en: 'The problem of recommending to a new user, or recommending a new item, about which the system has no interactions yet, so that collaborative methods have nothing to learn from.',
      zh: '推荐系统面对新用户或新物品时，还没有任何交互记录，协同过滤类方法无从学起，这就是冷启动问题。',
    },
    related: ['collaborative-filtering', 'matrix-factorisation'],
  },
  {
    id: 'collaborative-filtering',
    term: { en: 'Collaborative filtering', zh: '协同过滤' },
    pinyin: 'xie tong guo lv',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Recommending from the pattern of who liked what alone: users who agreed in the past are expected to agree again. Matrix factorisation is its most common model.',
      zh: '只根据“谁喜欢过什么”的模式做推荐：过去意见一致的用户，将来也会意见一致。矩阵分解是它最常用的模型。',
    },
    related: ['matrix-factorisation', 'cold-start'],
  },
  {
    id: 'compute-optimal',
    term: { en: 'Compute-optimal', zh: '算力最优' },
    pinyin: 'suan li zui you',
    aliases: { en: ['Chinchilla'], zh: ['Chinchilla'] },
    definition: {
      en: 'Of a model size and a number of training tokens: the pair that reaches the lowest loss for a given training budget. Hoffmann et al. (2022, the “Chinchilla” paper) found about 20 tokens per parameter.',
      zh: '指在给定训练算力下损失最低的模型规模与训练 token 数的组合。Hoffmann 等（2022，即“Chinchilla”论文）发现大约是每个参数 20 个 token。',
    },
    related: ['scaling-laws', 'flops'],
  },
  {
    id: 'confusion-matrix',
    term: { en: 'Confusion matrix', zh: '混淆矩阵' },
    pinyin: 'hun xiao ju zhen',
    aliases: { en: ['confusion matrices'], zh: [] },
    definition: {
      en: 'A table that counts, for each true class, how often the model predicted each class. Its diagonal holds the correct predictions.',
      zh: '按真实类别和预测类别交叉计数的表格，对角线上是预测正确的样本。',
    },
    related: ['accuracy', 'precision-recall'],
  },
  {
    id: 'containment-rate',
    term: { en: 'Containment rate', zh: '独立解决率' },
    pinyin: 'du li jie jue lv',
    aliases: { en: ['containment'], zh: ['拦截率'] },
    definition: {
      en: 'The share of customer conversations a bot finishes without handing them to a person. It flatters the bot when customers give up or come back, so resolution is the better measure.',
      zh: '机器人不转人工就结束的会话所占的比例。客户放弃或改天再来问时，它会高估机器人，所以真实解决率是更好的衡量。',
    },
    related: ['intent', 'precision-recall'],
  },
  {
    id: 'context-window',
    term: { en: 'Context window', zh: '上下文窗口' },
    pinyin: 'shang xia wen chuang kou',
    aliases: { en: ['context windows', 'context length', 'context lengths'], zh: ['上下文长度'] },
    definition: {
      en: 'The number of tokens a model can attend to at once, prompt and output together.',
      zh: '模型一次能关注的 token 数，提示词和输出合在一起计算。',
    },
    related: ['token', 'kv-cache', 'attention'],
  },
  {
    id: 'cross-entropy',
    term: { en: 'Cross-entropy', zh: '交叉熵' },
    pinyin: 'jiao cha shang',
    aliases: {
      en: ['cross entropy', 'binary cross-entropy', 'categorical cross-entropy', 'cross-entropies'],
      zh: ['二元交叉熵', '分类交叉熵'],
    },
    definition: {
      en: 'The loss −Σ y log ŷ: minus the logarithm of the probability the model gave to what actually happened. It is never negative, and it is the standard loss for classification and for next-token prediction.',
      zh: '损失 −Σ y log ŷ，即模型给实际结果的概率取对数再取负。它永远不会是负数，是分类和下一个 token 预测的标准损失。',
    },
    related: ['entropy', 'softmax', 'loss', 'perplexity'],
  },
  {
    id: 'data-leakage',
    term: { en: 'Data leakage', zh: '数据泄漏' },
    pinyin: 'shu ju xie lou',
    aliases: { en: ['leakage'], zh: ['泄漏'] },
    definition: {
      en: 'Information from the evaluation data reaching training, for example through a scaler fitted before the split. It makes test scores optimistic.',
      zh: '评估数据的信息混进了训练过程，例如在划分数据之前就拟合了标准化器。它会让测试成绩虚高。',
    },
    related: ['test-set', 'standardisation', 'validation-set'],
  },
  {
    id: 'decoder-only',
    term: { en: 'Decoder-only Transformer', zh: '仅解码器 Transformer' },
    pinyin: 'jin jie ma qi',
    aliases: { en: ['decoder-only', 'decoder-only Transformers'], zh: ['仅解码器'] },
    definition: {
      en: 'A Transformer whose attention is causally masked, so that each position sees only earlier ones. It generates text one token at a time; GPT and Llama are decoder-only.',
      zh: '注意力带因果掩码、每个位置只能看到它之前位置的 Transformer。它一次生成一个 token；GPT 和 Llama 都属于这一类。',
    },
    related: ['transformer', 'gpt', 'attention'],
  },
  {
    id: 'deep-learning',
    term: { en: 'Deep learning', zh: '深度学习' },
    pinyin: 'shen du xue xi',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Machine learning with neural networks of many layers, which learn their own features from raw data instead of relying on hand-made ones.',
      zh: '用多层神经网络进行的机器学习：网络自己从原始数据中学出特征，而不依赖人工设计的特征。',
    },
    related: ['neural-network', 'backpropagation'],
  },
  {
    id: 'default-alive',
    term: { en: 'Default alive', zh: '默认存活' },
    pinyin: 'mo ren cun huo',
    aliases: { en: ['default-alive', 'default dead', 'default-dead'], zh: ['默认死亡'] },
    definition: {
      en: 'Paul Graham’s test: with its current revenue growth and spending, will the company become profitable before its cash runs out? If so it is default alive; if not, default dead.',
      zh: 'Paul Graham 提出的检验：按现在的收入增速和支出，公司能否在现金耗尽之前盈利？能，就是默认存活；不能，就是默认死亡。',
    },
    related: ['runway', 'burn', 'break-even'],
  },
  {
    id: 'differential-privacy',
    term: { en: 'Differential privacy', zh: '差分隐私' },
    pinyin: 'cha fen yin si',
    aliases: { en: ['differentially private'], zh: [] },
    definition: {
      en: 'A guarantee about a randomised algorithm: adding or removing one person’s record changes the probability of any outcome by at most a factor e^ε (plus a small δ). It is obtained by adding noise scaled to what one record can change (Dwork et al., 2006).',
      zh: '对随机算法的一种保证：增删任何一个人的记录，任何结果的概率至多改变 e^ε 倍（外加一个很小的 δ）。做法是按一条记录最多能造成的改变来加噪声（Dwork 等，2006）。',
    },
    related: ['privacy-budget', 'dp-sgd'],
  },
  {
    id: 'dilution',
    term: { en: 'Dilution', zh: '稀释' },
    pinyin: 'xi shi',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'The fall in existing shareholders’ percentages when the company issues new shares, in a funding round or into the option pool.',
      zh: '公司增发股份（融资或扩充期权池）时，原有股东持股比例的下降。',
    },
    related: ['option-pool', 'pre-money'],
  },
  {
    id: 'distillation',
    term: { en: 'Knowledge distillation', zh: '知识蒸馏' },
    pinyin: 'zhi shi zheng liu',
    aliases: { en: ['distillation'], zh: ['蒸馏'] },
    definition: {
      en: 'Training a small student model to match the outputs of a large teacher, which carries much of the teacher’s skill into a model that is cheaper to serve.',
      zh: '训练一个小的“学生”模型去拟合大的“教师”模型的输出，把教师的大部分本领转移到一个部署起来更便宜的模型里。',
    },
    related: ['quantization', 'pruning'],
  },
  {
    id: 'dp-sgd',
    term: { en: 'DP-SGD', zh: 'DP-SGD' },
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Differentially private stochastic gradient descent (Abadi et al., 2016): each example’s gradient is clipped to a norm C, Gaussian noise of standard deviation σC is added to their sum, and an accountant adds up the privacy budget spent by the steps.',
      zh: '差分隐私随机梯度下降（Abadi 等，2016）：把每个样本的梯度裁剪到范数 C 以内，在梯度之和上加标准差为 σC 的高斯噪声，再由记账器累计各步花掉的隐私预算。',
    },
    related: ['differential-privacy', 'privacy-budget', 'sgd'],
  },
  {
    id: 'dropout',
    term: { en: 'Dropout', zh: 'dropout' },
    aliases: { en: [], zh: ['丢弃法'] },
    definition: {
      en: 'A regulariser that sets each unit’s output to zero with probability p during training and scales the others by 1/(1 − p); at inference every unit is kept.',
      zh: '一种正则化方法：训练时每个单元的输出以概率 p 置零，其余的乘以 1/(1 − p)；推理时保留全部单元。',
    },
    related: ['regularisation', 'overfitting'],
  },
  {
    id: 'early-stopping',
    term: { en: 'Early stopping', zh: '早停' },
    pinyin: 'zao ting',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Ending training once the validation loss has not improved for a set number of epochs, and keeping the weights of the best epoch.',
      zh: '验证损失在设定的若干轮内不再下降时停止训练，并保留最好那一轮的权重。',
    },
    related: ['validation-set', 'overfitting'],
  },
  {
    id: 'embedding',
    term: { en: 'Embedding', zh: '嵌入' },
    pinyin: 'qian ru',
    aliases: { en: ['embeddings', 'word embedding', 'word embeddings', 'token embedding', 'token embeddings'], zh: ['词嵌入', '嵌入向量', '词向量'] },
    notLinked: { zh: ['嵌入式'] },
    definition: {
      en: 'A learned vector that stands for a token (or another discrete item). An embedding table holds one row per vocabulary entry, and items used alike end up with nearby vectors.',
      zh: '代表一个 token（或其他离散对象）的可学习向量。嵌入表为词表中的每一项存一行，用法相近的项，向量也相近。',
    },
    related: ['token', 'vocabulary'],
  },
  {
    id: 'entropy',
    term: { en: 'Entropy', zh: '熵' },
    pinyin: 'shang',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'The average surprise −Σ p log p of a probability distribution; also the least cross-entropy any model can reach on data drawn from it.',
      zh: '概率分布的平均“意外程度” −Σ p log p，也是任何模型在服从该分布的数据上所能达到的最小交叉熵。',
    },
    related: ['cross-entropy', 'perplexity'],
  },
  {
    id: 'epoch',
    term: { en: 'Epoch', zh: 'epoch' },
    aliases: { en: ['epochs'], zh: [] },
    definition: {
      en: 'One pass of training over the whole training set.',
      zh: '在整个训练集上完整训练一遍，中文也称一“轮”。',
    },
    related: ['batch-size', 'early-stopping'],
  },
  {
    id: 'f1-score',
    term: { en: 'F1 score', zh: 'F1 分数' },
    aliases: { en: ['F1', 'F1 scores'], zh: ['F1', 'F1 值'] },
    definition: {
      en: 'The harmonic mean of precision and recall, 2PR/(P + R): high only when both are.',
      zh: '精确率与召回率的调和平均 2PR/(P + R)：两者都高时它才高。',
    },
    related: ['precision-recall', 'accuracy'],
  },
  {
    id: 'fine-tuning',
    term: { en: 'Fine-tuning', zh: '微调' },
    pinyin: 'wei tiao',
    aliases: { en: ['fine-tune', 'fine-tuned', 'fine-tunes', 'finetuning'], zh: [] },
    definition: {
      en: 'Continuing to train a pre-trained model on a smaller, task-specific data set, updating all its weights or a few added ones (as in LoRA).',
      zh: '在较小的、面向具体任务的数据上继续训练预训练模型，可以更新全部权重，也可以只训练新增的少量参数（如 LoRA）。',
    },
    related: ['pre-training', 'lora', 'rlhf'],
  },
  {
    id: 'flops',
    term: { en: 'FLOPs', zh: 'FLOPs' },
    aliases: { en: ['FLOP', 'floating-point operations'], zh: ['FLOP', '浮点运算'] },
    definition: {
      en: 'Floating-point operations, the unit of compute. Training a Transformer of N parameters on D tokens takes about 6ND FLOPs; FLOP/s measures the rate.',
      zh: '浮点运算次数，算力的计量单位。用 D 个 token 训练一个 N 参数的 Transformer 约需 6ND 次浮点运算；FLOP/s 是每秒的运算次数。',
    },
    related: ['mfu', 'gpu', 'compute-optimal'],
  },
  {
    id: 'forward-pass',
    term: { en: 'Forward pass', zh: '前向传播' },
    pinyin: 'qian xiang chuan bo',
    aliases: { en: ['forward passes', 'forward propagation'], zh: ['前向计算'] },
    definition: {
      en: 'Computing a network’s output from its input, layer by layer. In training a backward pass follows it.',
      zh: '从输入开始逐层算出网络输出的过程；训练时紧接着做反向传播。',
    },
    related: ['backpropagation', 'neuron'],
  },
  {
    id: 'fp32',
    term: { en: 'fp32', zh: 'fp32' },
    aliases: { en: ['float32', 'fp16', 'float16'], zh: ['float32', 'fp16', 'float16', '单精度'] },
    definition: {
      en: 'The 32-bit floating-point format, 4 bytes per number; optimizer state and master weights are usually kept in it. fp16 is its 16-bit sibling, with a much narrower range than bf16.',
      zh: '32 位浮点格式，每个数占 4 字节；优化器状态和权重主副本通常用它保存。fp16 是 16 位的同类格式，数值范围比 bf16 窄得多。',
    },
    related: ['bf16', 'mixed-precision'],
  },
  {
    id: 'gib',
    term: { en: 'GiB', zh: 'GiB' },
    aliases: { en: ['gibibyte', 'gibibytes'], zh: [] },
    definition: {
      en: 'Gibibyte: 2³⁰ = 1,073,741,824 bytes, about 7 % more than a gigabyte (GB, 10⁹ bytes). Operating systems and some specification sheets count memory in GiB.',
      zh: '吉比字节：2³⁰ = 1,073,741,824 字节，比 GB（10⁹ 字节）多约 7%。操作系统和部分规格表按 GiB 计算内存。',
    },
    related: ['hbm'],
  },
  {
    id: 'gpt',
    term: { en: 'GPT', zh: 'GPT' },
    aliases: { en: ['GPTs', 'GPT-2', 'GPT-3', 'GPT-4'], zh: ['GPT-2', 'GPT-3', 'GPT-4'] },
    definition: {
      en: 'Generative pre-trained Transformer: OpenAI’s family of decoder-only language models (GPT-1 in 2018, then GPT-2, GPT-3, GPT-4), and by extension any model of that design.',
      zh: '生成式预训练 Transformer：OpenAI 的仅解码器语言模型系列（2018 年的 GPT-1，之后的 GPT-2、GPT-3、GPT-4），也泛指这种设计的模型。',
    },
    related: ['decoder-only', 'pre-training', 'transformer'],
  },
  {
    id: 'gpu',
    term: { en: 'GPU', zh: 'GPU' },
    aliases: { en: ['GPUs'], zh: [] },
    definition: {
      en: 'Graphics processing unit: a chip with thousands of arithmetic units and fast memory, the usual accelerator for training and serving neural networks.',
      zh: '图形处理器：拥有成千上万个运算单元和高速显存的芯片，是训练和部署神经网络最常用的加速器。',
    },
    related: ['hbm', 'mfu', 'memory-bandwidth'],
  },
  {
    id: 'gradient',
    term: { en: 'Gradient', zh: '梯度' },
    pinyin: 'ti du',
    aliases: { en: ['gradients'], zh: [] },
    definition: {
      en: 'The vector of partial derivatives of the loss with respect to each parameter. It points in the direction in which the loss rises fastest.',
      zh: '损失对每个参数的偏导数组成的向量，指向损失上升最快的方向。',
    },
    related: ['gradient-descent', 'backpropagation'],
  },
  {
    id: 'gradient-descent',
    term: { en: 'Gradient descent', zh: '梯度下降' },
    pinyin: 'ti du xia jiang',
    aliases: { en: [], zh: ['梯度下降法'] },
    definition: {
      en: 'Repeatedly moving the parameters a small step against the gradient: θ ← θ − η∇L.',
      zh: '反复让参数逆着梯度走一小步：θ ← θ − η∇L。',
    },
    related: ['learning-rate', 'sgd', 'gradient'],
  },
  {
    id: 'gross-margin',
    term: { en: 'Gross margin', zh: '毛利率' },
    pinyin: 'mao li lv',
    aliases: { en: ['gross margins'], zh: ['毛利'] },
    definition: {
      en: 'Revenue minus the direct cost of delivering it (for an AI product, mostly inference), as a share of revenue.',
      zh: '收入减去交付成本（对 AI 产品主要是推理成本）之后占收入的比例。',
    },
    related: ['unit-economics', 'inference'],
  },
  {
    id: 'hbm',
    term: { en: 'HBM', zh: 'HBM' },
    aliases: {
      en: ['HBM2', 'HBM2e', 'HBM3', 'HBM3e', 'high-bandwidth memory'],
      zh: ['HBM2', 'HBM2e', 'HBM3', 'HBM3e', '高带宽内存'],
    },
    definition: {
      en: 'High-bandwidth memory: DRAM stacked beside an accelerator chip. Its capacity limits the model that fits; its bandwidth limits how fast tokens are generated.',
      zh: '高带宽内存：堆叠在加速器芯片旁边的 DRAM。它的容量决定放得下多大的模型，带宽决定生成 token 的速度。',
    },
    related: ['gpu', 'memory-bandwidth', 'gib'],
  },
  {
    id: 'hyperparameter',
    term: { en: 'Hyperparameter', zh: '超参数' },
    pinyin: 'chao can shu',
    aliases: { en: ['hyperparameters', 'hyper-parameter', 'hyper-parameters'], zh: [] },
    definition: {
      en: 'A setting chosen by people rather than learned by training, such as the learning rate, the batch size, the number of layers or the strength of regularisation. It is tuned on the validation set.',
      zh: '由人选定、而不是由训练学出的设置，如学习率、批大小、层数、正则化强度。它在验证集上调整。',
    },
    related: ['parameter', 'validation-set'],
  },
  {
    id: 'inference',
    term: { en: 'Inference', zh: '推理' },
    pinyin: 'tui li',
    aliases: { en: [], zh: [] },
    notLinked: { zh: ['推理能力', '推理套路', '逻辑推理'] },
    definition: {
      en: 'Running a trained model to get predictions, as a product does for every request. Unlike training, its cost recurs with every use.',
      zh: '用训练好的模型做预测，也就是产品每收到一个请求都要做的事。和训练不同，它的成本随每一次使用反复发生。',
    },
    related: ['latency', 'throughput', 'kv-cache'],
  },
  {
    id: 'int8',
    term: { en: 'int8', zh: 'int8' },
    aliases: { en: ['int4', 'INT8', 'INT4'], zh: ['int4', 'INT8', 'INT4'] },
    definition: {
      en: 'Integers of 8 bits (−128 to 127), one byte each; int4 takes half a byte. Quantized models store their weights in them, with a floating-point scale per channel or per group.',
      zh: '8 位整数（−128 到 127），每个占 1 字节；int4 只占半个字节。量化模型用它们存权重，并为每个通道或每组权重配一个浮点缩放因子。',
    },
    related: ['quantization', 'per-channel', 'bf16'],
  },
  {
    id: 'intent',
    term: { en: 'Intent', zh: '意图' },
    pinyin: 'yi tu',
    aliases: { en: ['intents', 'intent classifier', 'intent classification'], zh: ['意图识别', '意图分类'] },
    definition: {
      en: 'What a customer wants done, as a label from a fixed list (refund, shipping, password…). An intent classifier maps a message to one, with a confidence that decides whether the bot answers or hands the conversation to a person.',
      zh: '客户想办的事，用一张固定清单里的标签表示（退款、物流、密码……）。意图分类器把一条消息映射到某个意图，并给出置信度，决定由机器人回答还是转给人工。',
    },
    related: ['containment-rate', 'softmax'],
  },
  {
    id: 'integrated-gradients',
    term: { en: 'Integrated gradients', zh: '积分梯度' },
    pinyin: 'ji fen ti du',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'A feature attribution: the input’s difference from a baseline times the gradient averaged along the straight path between them (Sundararajan et al., 2017). The attributions add up to the change of the output (completeness).',
      zh: '一种特征归因方法：输入与基线之差，乘以沿两者之间直线路径平均的梯度（Sundararajan 等，2017）。各输入的归因之和等于输出的变化（完备性）。',
    },
    related: ['saliency-map', 'gradient'],
  },
  {
    id: 'kv-cache',
    term: { en: 'KV cache', zh: '键值缓存' },
    pinyin: 'jian zhi huan cun',
    aliases: { en: ['KV caches', 'key-value cache'], zh: ['KV 缓存'] },
    definition: {
      en: 'The keys and values of earlier tokens that a Transformer keeps in memory while it generates, so that each new token attends to them without recomputing them. It grows with the context and the batch.',
      zh: 'Transformer 生成时保存在显存里的、此前各 token 的键和值，新 token 直接对它们做注意力，不必重新计算。它随上下文长度和批大小增长。',
    },
    related: ['attention', 'inference', 'context-window'],
  },
  {
    id: 'large-model',
    term: { en: 'Large model', zh: '大模型' },
    pinyin: 'da mo xing',
    aliases: { en: ['large models', 'large language model', 'large language models', 'LLM', 'LLMs'], zh: ['大语言模型', 'LLM'] },
    definition: {
      en: 'A neural network with billions of parameters or more, pre-trained on a very large data set and adapted to many tasks. A large language model (LLM) is one trained on text, nearly always a decoder-only Transformer.',
      zh: '参数量达数十亿乃至更多、在海量数据上预训练、可以适配多种任务的神经网络。大语言模型（LLM）是在文本上训练的大模型，几乎都是仅解码器的 Transformer。',
    },
    related: ['pre-training', 'transformer', 'scaling-laws'],
  },
  {
    id: 'latency',
    term: { en: 'Latency', zh: '延迟' },
    pinyin: 'yan chi',
    aliases: { en: ['latencies'], zh: [] },
    definition: {
      en: 'The time one request takes, often reported as a percentile (p50, p99); for a language model, the time to the first token and then the time per token.',
      zh: '一个请求所花的时间，常按分位数（p50、p99）报告；对语言模型，分为首个 token 的等待时间和此后每个 token 的时间。',
    },
    related: ['throughput', 'inference'],
  },
  {
    id: 'layer-norm',
    term: { en: 'Layer normalisation', zh: '层归一化' },
    pinyin: 'ceng gui yi hua',
    aliases: { en: ['layer normalization', 'layer norm', 'layer norms', 'LayerNorm'], zh: ['LayerNorm'] },
    definition: {
      en: 'Rescaling each position’s vector to mean 0 and variance 1, then applying a learned scale and shift; it keeps the activations of deep Transformers in range.',
      zh: '把每个位置的向量变换为均值 0、方差 1，再乘以可学习的缩放、加上可学习的平移；它让深层 Transformer 的激活值保持在合适的范围。',
    },
    related: ['transformer', 'standardisation'],
  },
  {
    id: 'learning-rate',
    term: { en: 'Learning rate', zh: '学习率' },
    pinyin: 'xue xi lv',
    aliases: { en: ['learning rates'], zh: [] },
    definition: {
      en: 'The step size η by which gradient descent multiplies the gradient. Too large and training diverges; too small and it crawls.',
      zh: '梯度下降中乘在梯度前面的步长 η。太大，训练会发散；太小，进展会很慢。',
    },
    related: ['gradient-descent', 'warm-up', 'optimizer'],
  },
  {
    id: 'logit',
    term: { en: 'Logit', zh: 'logit' },
    aliases: { en: ['logits'], zh: ['logits'] },
    definition: {
      en: 'A raw score before a softmax or a sigmoid turns it into a probability.',
      zh: '在 softmax 或 sigmoid 把它变成概率之前的原始分数。',
    },
    related: ['softmax', 'sigmoid', 'temperature'],
  },
  {
    id: 'lora',
    term: { en: 'LoRA', zh: 'LoRA' },
    aliases: { en: ['low-rank adaptation'], zh: ['低秩适配'] },
    definition: {
      en: 'Low-rank adaptation: fine-tuning that freezes the pre-trained weights and learns, for some weight matrices, a low-rank update BA with far fewer parameters (Hu et al., 2021).',
      zh: '低秩适配：冻结预训练权重，只为部分权重矩阵学习一个低秩增量 BA 的微调方法，要训练的参数少得多（Hu 等，2021）。',
    },
    related: ['fine-tuning', 'low-rank'],
  },
  {
    id: 'loss',
    term: { en: 'Loss', zh: '损失' },
    pinyin: 'sun shi',
    aliases: { en: ['losses', 'loss function', 'loss functions'], zh: ['损失函数', '损失值'] },
    // Losses of money and of quality are not the training loss.
    notLinked: {
      en: ['from a loss', 'at a loss', 'operating loss', 'operating losses', 'little loss', 'measurable loss', 'accuracy loss', 'quality loss', 'loss of accuracy', 'loss of quality'],
      zh: ['精度损失', '质量损失', '准确率损失', '测出的损失', '经济损失'],
    },
    definition: {
      en: 'A number that measures how wrong the model’s predictions are on some data; training adjusts the parameters to make it smaller.',
      zh: '衡量模型在一批数据上预测得有多错的数；训练就是调整参数，让它变小。',
    },
    related: ['cross-entropy', 'mse', 'gradient-descent'],
  },
  {
    id: 'low-rank',
    term: { en: 'Low-rank factorisation', zh: '低秩分解' },
    pinyin: 'di zhi fen jie',
    aliases: { en: ['low-rank factorization', 'low-rank approximation', 'low-rank'], zh: ['低秩近似', '低秩'] },
    definition: {
      en: 'Replacing an m × n weight matrix by the product of an m × r and an r × n matrix with a small r, which cuts its parameters from mn to r(m + n).',
      zh: '用一个 m × r 矩阵与一个 r × n 矩阵（r 很小）的乘积代替 m × n 的权重矩阵，参数从 mn 个降到 r(m + n) 个。',
    },
    related: ['lora', 'pruning', 'quantization'],
  },
  {
    id: 'lstm',
    term: { en: 'LSTM', zh: 'LSTM' },
    aliases: { en: ['LSTMs', 'long short-term memory'], zh: ['长短期记忆'] },
    definition: {
      en: 'Long short-term memory: a recurrent network whose cell state is updated through learned gates (forget, input, output), which lets gradients survive over longer sequences than in a plain RNN (Hochreiter and Schmidhuber, 1997).',
      zh: '长短期记忆网络：一种循环网络，通过可学习的门（遗忘门、输入门、输出门）更新细胞状态，梯度因此能比在普通 RNN 中传得更远（Hochreiter 与 Schmidhuber，1997）。',
    },
    related: ['rnn', 'vanishing-gradient', 'transformer'],
  },
  {
    id: 'ltv',
    term: { en: 'LTV', zh: '客户生命周期价值' },
    pinyin: 'ke hu sheng ming zhou qi jia zhi',
    aliases: { en: ['lifetime value', 'customer lifetime value'], zh: ['生命周期价值', 'LTV'] },
    definition: {
      en: 'Lifetime value: the gross profit a customer brings over the whole time they stay, roughly the monthly gross profit divided by the monthly churn.',
      zh: '一个客户在整个留存期内带来的毛利，约等于每月毛利除以月流失率。',
    },
    related: ['cac', 'churn', 'gross-margin'],
  },
  {
    id: 'marginal-return',
    term: { en: 'Marginal return', zh: '边际收益' },
    pinyin: 'bian ji shou yi',
    aliases: { en: ['marginal returns'], zh: ['边际回报'] },
    definition: {
      en: 'The extra outcome bought by one more unit of spending on a budget line. A budget is best allocated when the marginal returns of all funded lines are equal.',
      zh: '在某个预算科目上多投一单位钱所带来的额外成果。所有获得投入的科目边际收益相等时，预算分配最优。',
    },
    related: ['runway'],
  },
  {
    id: 'matrix-factorisation',
    term: { en: 'Matrix factorisation', zh: '矩阵分解' },
    pinyin: 'ju zhen fen jie',
    aliases: { en: ['matrix factorization', 'matrix factorisations'], zh: [] },
    definition: {
      en: 'A recommender that gives each user and each item a short vector of learned factors and predicts a rating as their dot product plus biases, fitted to the observed ratings with L2 regularisation (Koren, Bell and Volinsky, 2009).',
      zh: '一种推荐模型：给每个用户和每个物品各学一个短的因子向量，用两者的点积加上偏置来预测评分，在已观测的评分上带 L2 正则化拟合（Koren、Bell 与 Volinsky，2009）。',
    },
    related: ['collaborative-filtering', 'low-rank', 'rmse'],
  },
  {
    id: 'memory-bandwidth',
    term: { en: 'Memory bandwidth', zh: '显存带宽' },
    pinyin: 'xian cun dai kuan',
    aliases: { en: ['bandwidth'], zh: ['内存带宽', '带宽'] },
    definition: {
      en: 'The bytes per second an accelerator can read from its memory. Generating a token reads every weight once, so at small batch sizes bandwidth, not FLOP/s, sets the speed.',
      zh: '加速器每秒能从内存读取的字节数。每生成一个 token 都要把全部权重读一遍，所以批较小时，决定速度的是带宽而不是 FLOP/s。',
    },
    related: ['hbm', 'inference', 'throughput'],
  },
  {
    id: 'mfu',
    term: { en: 'MFU', zh: 'MFU' },
    aliases: { en: ['model FLOPs utilisation', 'model FLOPs utilization'], zh: ['模型算力利用率'] },
    definition: {
      en: 'Model FLOPs utilisation: the FLOP/s a run actually spends on the model’s arithmetic, divided by the hardware’s peak. Communication, memory traffic and idle time keep it well below 1.',
      zh: '模型算力利用率：训练实际用在模型计算上的 FLOP/s 与硬件峰值之比。通信、访存和空闲时间使它远低于 1。',
    },
    related: ['flops', 'gpu'],
  },
  {
    id: 'mixed-precision',
    term: { en: 'Mixed precision', zh: '混合精度' },
    pinyin: 'hun he jing du',
    aliases: { en: ['mixed-precision'], zh: [] },
    definition: {
      en: 'Training with bf16 (or fp16) for most of the arithmetic while keeping a master copy of the weights and the optimizer state in fp32.',
      zh: '大部分运算用 bf16（或 fp16），同时用 fp32 保存权重主副本和优化器状态的训练方式。',
    },
    related: ['bf16', 'fp32'],
  },
  {
    id: 'mlp',
    term: { en: 'Multilayer perceptron', zh: '多层感知机' },
    pinyin: 'duo ceng gan zhi ji',
    aliases: { en: ['multilayer perceptrons', 'multi-layer perceptron', 'MLP', 'MLPs'], zh: ['MLP'] },
    definition: {
      en: 'A network of fully connected layers, each a matrix product, a bias and an activation. The feed-forward half of every Transformer block is one.',
      zh: '由全连接层堆成的网络，每层是矩阵乘法、偏置和激活函数。Transformer 每个块里的前馈部分就是一个 MLP。',
    },
    related: ['perceptron', 'neural-network'],
  },
  {
    id: 'momentum',
    term: { en: 'Momentum', zh: '动量' },
    pinyin: 'dong liang',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Stepping along a running average of past gradients rather than the latest one, which speeds progress in consistent directions and damps oscillation.',
      zh: '沿过去梯度的移动平均、而不是只沿最新梯度前进：方向一致时加速，来回振荡时减振。',
    },
    related: ['sgd', 'adam'],
  },
  {
    id: 'multimodal-model',
    term: { en: 'Multimodal model', zh: '多模态模型' },
    pinyin: 'duo mo tai mo xing',
    aliases: { en: ['multimodal models'], zh: [] },
    definition: {
      en: 'A model that reads (or writes) more than one kind of data, such as text, images and audio; images usually enter a language model as patch tokens from an image encoder.',
      zh: '能读（或生成）多种数据的模型，如文本、图像和音频；图像通常经图像编码器切块后，以 token 的形式进入语言模型。',
    },
    related: ['token', 'transformer'],
  },
  {
    id: 'mse',
    term: { en: 'Mean squared error', zh: '均方误差' },
    pinyin: 'jun fang wu cha',
    aliases: { en: ['MSE', 'mean-squared error'], zh: ['MSE'] },
    definition: {
      en: 'The average of (prediction − target)²: the usual loss for regression.',
      zh: '（预测 − 目标）² 的平均值，回归任务的常用损失。',
    },
    related: ['loss', 'cross-entropy'],
  },
  {
    id: 'neural-network',
    term: { en: 'Neural network', zh: '神经网络' },
    pinyin: 'shen jing wang luo',
    aliases: { en: ['neural networks', 'neural net', 'neural nets'], zh: [] },
    definition: {
      en: 'A function built from layers of neurons, whose weights are learned from data by gradient descent.',
      zh: '由一层层神经元构成的函数，其权重通过梯度下降从数据中学出。',
    },
    related: ['neuron', 'mlp', 'deep-learning'],
  },
  {
    id: 'neuron',
    term: { en: 'Neuron', zh: '神经元' },
    pinyin: 'shen jing yuan',
    aliases: { en: ['neurons', 'artificial neuron', 'artificial neurons'], zh: [] },
    definition: {
      en: 'The unit of a neural network: it multiplies its inputs by weights, adds them up with a bias, and passes the sum through an activation function.',
      zh: '神经网络的基本单元：把输入乘以权重后求和，加上偏置，再经过激活函数输出。',
    },
    related: ['activation-function', 'bias', 'perceptron'],
  },
  {
    id: 'one-hot',
    term: { en: 'One-hot encoding', zh: '独热编码' },
    pinyin: 'du re bian ma',
    aliases: { en: ['one-hot'], zh: ['独热', 'one-hot'] },
    definition: {
      en: 'Writing one of K categories as a vector of K zeros with a single 1 at the category’s position.',
      zh: '把 K 个类别中的一个写成长度为 K 的向量：该类别的位置为 1，其余为 0。',
    },
    related: ['cross-entropy', 'embedding'],
  },
  {
    id: 'optimizer',
    term: { en: 'Optimizer', zh: '优化器' },
    pinyin: 'you hua qi',
    aliases: { en: ['optimizers', 'optimiser', 'optimisers'], zh: [] },
    definition: {
      en: 'The rule that turns gradients into parameter updates: SGD, momentum, RMSProp, Adam and others.',
      zh: '把梯度变成参数更新的规则，如 SGD、动量、RMSProp、Adam。',
    },
    related: ['sgd', 'adam', 'learning-rate'],
  },
  {
    id: 'option-pool',
    term: { en: 'Option pool', zh: '期权池' },
    pinyin: 'qi quan chi',
    aliases: { en: ['option pools'], zh: [] },
    definition: {
      en: 'Shares set aside for future employees’ stock options. Enlarging it before a round dilutes only the shareholders already there.',
      zh: '为将来员工的股票期权预留的股份。在融资之前扩充期权池，稀释的只是原有股东。',
    },
    related: ['dilution', 'pre-money'],
  },
  {
    id: 'overfitting',
    term: { en: 'Over-fitting', zh: '过拟合' },
    pinyin: 'guo ni he',
    aliases: { en: ['overfitting', 'over-fit', 'overfit', 'over-fits', 'overfits', 'over-fitted', 'overfitted'], zh: [] },
    definition: {
      en: 'Fitting the training data, noise included, so closely that performance on new data gets worse: the training loss keeps falling while the validation loss rises.',
      zh: '对训练数据（连同其中的噪声）拟合得过于贴切，以致在新数据上表现变差：训练损失继续下降，验证损失却开始上升。',
    },
    related: ['regularisation', 'early-stopping', 'validation-set'],
  },
  {
    id: 'parameter',
    term: { en: 'Parameter', zh: '参数' },
    pinyin: 'can shu',
    aliases: { en: ['parameters'], zh: ['参数量'] },
    definition: {
      en: 'A number that training learns: a weight or a bias. A model’s size is counted in parameters; in bf16 each takes 2 bytes.',
      zh: '训练学出来的数，即权重或偏置。模型的规模按参数个数计，在 bf16 下每个参数占 2 字节。',
    },
    related: ['hyperparameter', 'bias'],
  },
  {
    id: 'payback',
    term: { en: 'CAC payback', zh: '获客成本回收期' },
    pinyin: 'huo ke cheng ben hui shou qi',
    aliases: { en: ['payback', 'payback period', 'payback periods'], zh: ['回收期'] },
    definition: {
      en: 'The months of a customer’s gross profit needed to earn back what it cost to acquire them.',
      zh: '用一个客户每月带来的毛利收回其获客成本所需的月数。',
    },
    related: ['cac', 'ltv'],
  },
  {
    id: 'per-channel',
    term: { en: 'Per-channel quantization', zh: '逐通道量化' },
    pinyin: 'zhu tong dao liang hua',
    aliases: { en: ['per-channel'], zh: ['逐通道'] },
    definition: {
      en: 'Quantizing each output channel (each row of a weight matrix) with its own scale, instead of one scale for the whole tensor, so that one large weight does not cost every other weight its precision.',
      zh: '为每个输出通道（权重矩阵的每一行）各配一个缩放因子，而不是整个张量共用一个，这样一个很大的权重不会拖累其他权重的精度。',
    },
    related: ['quantization', 'int8'],
  },
  {
    id: 'perceptron',
    term: { en: 'Perceptron', zh: '感知机' },
    pinyin: 'gan zhi ji',
    aliases: { en: ['perceptrons'], zh: [] },
    definition: {
      en: 'Rosenblatt’s single artificial neuron (1958) with a step activation, trained by a simple error-correcting rule. It can only separate two classes with a straight line (a hyperplane).',
      zh: 'Rosenblatt 于 1958 年提出的单个人工神经元，以阶跃函数为激活，按简单的纠错规则训练。它只能用一条直线（超平面）分开两类。',
    },
    related: ['neuron', 'mlp'],
  },
  {
    id: 'perplexity',
    term: { en: 'Perplexity', zh: '困惑度' },
    pinyin: 'kun huo du',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'e raised to the average cross-entropy per token: in effect, the number of equally likely tokens the model is hesitating between.',
      zh: '以每个 token 的平均交叉熵为指数的 e 的幂，相当于模型在多少个等可能的 token 之间犹豫。',
    },
    related: ['cross-entropy', 'entropy'],
  },
  {
    id: 'positional-encoding',
    term: { en: 'Positional encoding', zh: '位置编码' },
    pinyin: 'wei zhi bian ma',
    aliases: { en: ['positional encodings', 'position embedding', 'position embeddings', 'positional embedding', 'positional embeddings'], zh: ['位置嵌入'] },
    definition: {
      en: 'Information about each token’s position added to its embedding, because attention by itself ignores order: fixed sinusoids, learned vectors, or rotations (RoPE).',
      zh: '加到每个 token 嵌入上的位置信息，因为注意力本身不区分顺序；可以是固定的正弦函数、可学习的向量或旋转（RoPE）。',
    },
    related: ['attention', 'embedding'],
  },
  {
    id: 'post-money',
    term: { en: 'Post-money valuation', zh: '投后估值' },
    pinyin: 'tou hou gu zhi',
    aliases: { en: ['post-money', 'post-money valuations'], zh: ['投后'] },
    definition: {
      en: 'The company’s valuation including the new investment: the pre-money valuation plus the amount raised. The new investors own the amount divided by it.',
      zh: '包含新投资在内的公司估值，等于投前估值加上融资额；新投资人的持股比例等于投资额除以投后估值。',
    },
    related: ['pre-money', 'dilution', 'safe'],
  },
  {
    id: 'pue',
    term: { en: 'Power usage effectiveness', zh: '电能使用效率' },
    pinyin: 'dian neng shi yong xiao lv',
    aliases: { en: ['PUE'], zh: ['PUE'] },
    definition: {
      en: 'PUE: a data centre’s total power divided by the power of its IT equipment, 1.1 to 1.6 in practice. A training run’s energy is accelerator-hours × watts × PUE.',
      zh: 'PUE：数据中心总功率与 IT 设备功率之比，实际在 1.1 到 1.6 之间。一次训练的耗电等于加速器小时 × 功率 × PUE。',
    },
    related: ['gpu', 'flops'],
  },
  {
    id: 'pre-money',
    term: { en: 'Pre-money valuation', zh: '投前估值' },
    pinyin: 'tou qian gu zhi',
    aliases: { en: ['pre-money', 'pre-money valuations'], zh: ['投前'] },
    definition: {
      en: 'The value agreed for a company in a round before the new money comes in. Pre-money plus the investment is the post-money valuation.',
      zh: '融资时约定的、新资金进入之前的公司估值。投前估值加上投资额就是投后估值。',
    },
    related: ['post-money', 'valuation', 'option-pool'],
  },
  {
    id: 'pre-training',
    term: { en: 'Pre-training', zh: '预训练' },
    pinyin: 'yu xun lian',
    aliases: { en: ['pretraining', 'pre-trained', 'pretrained'], zh: [] },
    definition: {
      en: 'The first and largest stage of training a large model: predicting the next token (or masked tokens) on a huge general corpus, before any adaptation to a task.',
      zh: '训练大模型的第一个、也是规模最大的阶段：在海量通用语料上预测下一个 token（或被遮住的 token），之后才针对具体任务做适配。',
    },
    related: ['fine-tuning', 'large-model', 'scaling-laws'],
  },
  {
    id: 'precision-recall',
    term: { en: 'Precision and recall', zh: '精确率与召回率' },
    pinyin: 'jing que lv yu zhao hui lv',
    aliases: { en: ['recall'], zh: ['精确率', '召回率'] },
    definition: {
      en: 'Precision: of the examples the model flags as positive, the share that are. Recall: of the truly positive examples, the share the model flags. Raising the decision threshold usually trades recall for precision.',
      zh: '精确率：被模型判为正类的样本中，真正是正类的比例。召回率：真正的正类样本中，被模型找出来的比例。提高判定阈值，通常是用召回率换精确率。',
    },
    related: ['f1-score', 'confusion-matrix', 'accuracy'],
  },
  {
    id: 'privacy-budget',
    term: { en: 'Privacy budget', zh: '隐私预算' },
    pinyin: 'yin si yu suan',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'The ε of differential privacy, spent by every release and every training step: the smaller it is, the less any one person’s data can change what is published.',
      zh: '差分隐私中的 ε，每次发布、每一步训练都会花掉一些：它越小，任何一个人的数据对发布结果的影响就越小。',
    },
    related: ['differential-privacy', 'dp-sgd'],
  },
  {
    id: 'prompt',
    term: { en: 'Prompt', zh: '提示词' },
    pinyin: 'ti shi ci',
    aliases: { en: ['prompts', 'prompting'], zh: ['提示工程'] },
    definition: {
      en: 'The text given to a language model to continue. Prompting steers a model without changing its weights.',
      zh: '交给语言模型续写的文本。用提示词引导模型，不需要改动它的权重。',
    },
    related: ['context-window', 'fine-tuning'],
  },
  {
    id: 'pruning',
    term: { en: 'Pruning', zh: '剪枝' },
    pinyin: 'jian zhi',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Removing weights that contribute little (unstructured pruning) or whole neurons, heads or channels (structured pruning), usually followed by fine-tuning to recover accuracy.',
      zh: '删去贡献很小的单个权重（非结构化剪枝）或整个神经元、注意力头、通道（结构化剪枝），通常再微调以恢复准确率。',
    },
    related: ['sparsity', 'quantization', 'low-rank'],
  },
  {
    id: 'quantization',
    term: { en: 'Quantization', zh: '量化' },
    pinyin: 'liang hua',
    aliases: { en: ['quantisation', 'quantized', 'quantised'], zh: [] },
    notLinked: { zh: ['向量化', '矢量化'] },
    definition: {
      en: 'Storing weights (and sometimes activations) in fewer bits, such as int8 or int4, each block of numbers with a floating-point scale. It shrinks memory and bandwidth at a small cost in accuracy.',
      zh: '用更少的位（如 int8、int4）存储权重（有时也包括激活值），每组数配一个浮点缩放因子。它以少量精度损失换来更小的内存占用和带宽需求。',
    },
    related: ['int8', 'per-channel', 'pruning'],
  },
  {
    id: 'rag',
    term: { en: 'Retrieval-augmented generation', zh: '检索增强生成' },
    pinyin: 'jian suo zeng qiang sheng cheng',
    aliases: { en: ['RAG', 'retrieval-augmented'], zh: ['RAG'] },
    definition: {
      en: 'Answering with a language model that is first given passages retrieved from a document collection, so the answer can rest on, and cite, the company’s own sources rather than what the model memorised.',
      zh: '先从文档库里检索出相关段落交给语言模型，再让它作答。这样回答可以依据并引用公司自己的资料，而不是模型记住的东西。',
    },
    related: ['prompt', 'context-window', 'embedding'],
  },
  {
    id: 'regularisation',
    term: { en: 'Regularisation', zh: '正则化' },
    pinyin: 'zheng ze hua',
    aliases: { en: ['regularization', 'regulariser', 'regularisers', 'regularizer', 'regularizers'], zh: ['正则项'] },
    definition: {
      en: 'Any technique that discourages over-fitting: a penalty on the size of the weights (L1, L2), dropout, early stopping, more data.',
      zh: '抑制过拟合的各种手段：对权重大小的惩罚（L1、L2）、dropout、早停、更多的数据。',
    },
    related: ['overfitting', 'dropout', 'weight-decay'],
  },
  {
    id: 'relu',
    term: { en: 'ReLU', zh: 'ReLU' },
    aliases: { en: ['ReLUs', 'rectified linear unit'], zh: [] },
    definition: {
      en: 'The activation max(0, x): zero for negative inputs, the identity for positive ones. It is cheap, and its gradient does not shrink for large inputs.',
      zh: '激活函数 max(0, x)：输入为负时输出 0，为正时原样输出。它计算便宜，输入很大时梯度也不会变小。',
    },
    related: ['activation-function', 'vanishing-gradient'],
  },
  {
    id: 'rlhf',
    term: { en: 'RLHF', zh: 'RLHF' },
    aliases: { en: ['reinforcement learning from human feedback'], zh: ['基于人类反馈的强化学习'] },
    definition: {
      en: 'Reinforcement learning from human feedback: a reward model trained on people’s preferences between answers steers further training of a language model.',
      zh: '基于人类反馈的强化学习：先用人们对不同回答的偏好训练一个奖励模型，再用它引导语言模型的进一步训练。',
    },
    related: ['fine-tuning', 'pre-training'],
  },
  {
    id: 'rmse',
    term: { en: 'Root-mean-square error', zh: '均方根误差' },
    pinyin: 'jun fang gen wu cha',
    aliases: { en: ['RMSE', 'root mean square error', 'root-mean-squared error'], zh: ['RMSE'] },
    definition: {
      en: 'The square root of the mean squared error, in the units of the target: a rating predictor with an RMSE of 0.9 is off by about 0.9 stars, with large misses weighted more.',
      zh: '均方误差的平方根，单位与目标相同：RMSE 为 0.9 的评分预测大致差 0.9 颗星，而且大的偏差权重更高。',
    },
    related: ['mse', 'matrix-factorisation'],
  },
  {
    id: 'rmsprop',
    term: { en: 'RMSProp', zh: 'RMSProp' },
    aliases: { en: [], zh: [] },
    definition: {
      en: 'An optimizer that divides each parameter’s step by the root of a running average of its squared gradients, so that steep and flat directions get steps of similar size.',
      zh: '一种优化器：把每个参数的步长除以其梯度平方移动平均的平方根，使陡峭和平缓的方向步长相近。',
    },
    related: ['adam', 'momentum'],
  },
  {
    id: 'rnn',
    term: { en: 'Recurrent neural network', zh: '循环神经网络' },
    pinyin: 'xun huan shen jing wang luo',
    aliases: { en: ['recurrent neural networks', 'recurrent network', 'recurrent networks', 'RNN', 'RNNs'], zh: ['循环网络', 'RNN'] },
    definition: {
      en: 'A network that reads a sequence one element at a time, carrying a hidden state of fixed size from each step to the next.',
      zh: '逐个读取序列元素、在相邻两步之间传递一个固定长度隐藏状态的网络。',
    },
    related: ['lstm', 'vanishing-gradient', 'transformer'],
  },
  {
    id: 'runway',
    term: { en: 'Runway', zh: '资金跑道' },
    pinyin: 'zi jin pao dao',
    aliases: { en: ['runways'], zh: ['跑道'] },
    definition: {
      en: 'The months a company can operate before its cash runs out: cash divided by net burn, if nothing changes.',
      zh: '公司在现金耗尽之前还能运营的月数；若一切不变，等于现金除以每月净消耗。',
    },
    related: ['burn', 'default-alive', 'break-even'],
  },
  {
    id: 'safe',
    term: { en: 'SAFE', zh: 'SAFE' },
    aliases: { en: ['SAFEs', 'simple agreement for future equity'], zh: ['未来股权简单协议'] },
    definition: {
      en: 'Simple agreement for future equity (Y Combinator, 2013): money invested now that converts into shares at the next priced round, usually subject to a valuation cap.',
      zh: '未来股权简单协议（Y Combinator，2013）：现在投入的钱在下一轮定价融资时转换为股份，通常设有估值上限。',
    },
    related: ['post-money', 'dilution'],
  },
  {
    id: 'saliency-map',
    term: { en: 'Saliency map', zh: '显著性图' },
    pinyin: 'xian zhu xing tu',
    aliases: { en: ['saliency maps'], zh: [] },
    definition: {
      en: 'An image of how strongly each input pixel affects a class score, usually the gradient’s magnitude. Some methods give plausible maps that do not depend on what the model learned, so they need sanity checks (Adebayo et al., 2018).',
      zh: '表示每个输入像素对某个类别得分影响多大的图，通常取梯度的大小。有些方法画出的图看似合理，却与模型学到的东西无关，所以需要做健全性检查（Adebayo 等，2018）。',
    },
    related: ['integrated-gradients', 'gradient'],
  },
  {
    id: 'scaling-laws',
    term: { en: 'Scaling laws', zh: '规模定律' },
    pinyin: 'gui mo ding lv',
    aliases: { en: ['scaling law'], zh: [] },
    definition: {
      en: 'Empirical power laws that relate a model’s loss to its parameters, training tokens and compute (Kaplan et al., 2020; Hoffmann et al., 2022), used to choose the model size a budget should buy.',
      zh: '描述模型损失与参数量、训练 token 数、算力之间关系的经验幂律（Kaplan 等，2020；Hoffmann 等，2022），用来决定一笔预算该训练多大的模型。',
    },
    related: ['compute-optimal', 'flops'],
  },
  {
    id: 'sgd',
    term: { en: 'Stochastic gradient descent', zh: '随机梯度下降' },
    pinyin: 'sui ji ti du xia jiang',
    aliases: { en: ['SGD'], zh: ['SGD'] },
    definition: {
      en: 'Gradient descent on the gradient of a small random batch instead of the whole data set: each step is noisier and far cheaper.',
      zh: '每一步只用一小批随机样本的梯度、而不是整个数据集的梯度做梯度下降：每步有噪声，却便宜得多。',
    },
    related: ['gradient-descent', 'batch-size', 'momentum'],
  },
  {
    id: 'sigmoid',
    term: { en: 'Sigmoid', zh: 'sigmoid' },
    aliases: { en: ['sigmoids', 'logistic function'], zh: ['S 型函数'] },
    definition: {
      en: 'The function σ(x) = 1/(1 + e⁻ˣ), which squashes any number into (0, 1); the output of a binary classifier.',
      zh: '函数 σ(x) = 1/(1 + e⁻ˣ)，把任意实数压进 (0, 1) 区间；二分类器的输出通常就是它。',
    },
    related: ['activation-function', 'softmax', 'logit'],
  },
  {
    id: 'softmax',
    term: { en: 'Softmax', zh: 'softmax' },
    aliases: { en: [], zh: [] },
    definition: {
      en: 'The function that turns a vector of logits z into probabilities e^{z_i}/Σⱼ e^{z_j}, all positive and summing to 1.',
      zh: '把 logit 向量 z 变成概率 e^{z_i}/Σⱼ e^{z_j} 的函数，各项为正且总和为 1。',
    },
    related: ['logit', 'cross-entropy', 'attention', 'temperature'],
  },
  {
    id: 'sparsity',
    term: { en: 'Sparsity', zh: '稀疏性' },
    pinyin: 'xi shu xing',
    aliases: { en: ['sparse'], zh: ['稀疏'] },
    definition: {
      en: 'The share of a weight matrix’s entries that are zero. Pruned models are sparse, but only structured sparsity that the hardware supports saves time.',
      zh: '权重矩阵中为零的元素所占的比例。剪枝后的模型是稀疏的，但只有硬件支持的结构化稀疏才真正省时间。',
    },
    related: ['pruning'],
  },
  {
    id: 'specificity',
    term: { en: 'Specificity', zh: '特异度' },
    pinyin: 'te yi du',
    aliases: { en: ['specificities'], zh: [] },
    definition: {
      en: 'Of the truly negative cases, the share a test clears: TN / (TN + FP). One minus it is the false-positive rate; with a rare positive class even a small false-positive rate swamps the true positives.',
      zh: '真正的阴性样本中被判为阴性的比例：TN / (TN + FP)。1 减去它就是假阳性率；正类罕见时，哪怕很小的假阳性率也会淹没真阳性。',
    },
    related: ['precision-recall', 'confusion-matrix', 'accuracy'],
  },
  {
    id: 'standardisation',
    term: { en: 'Standardisation', zh: '标准化' },
    pinyin: 'biao zhun hua',
    aliases: { en: ['standardization', 'standardise', 'standardised', 'standardize', 'standardized', 'standardising', 'standardizing'], zh: [] },
    definition: {
      en: 'Rescaling a feature to mean 0 and standard deviation 1, with the mean and the deviation measured on the training split only.',
      zh: '把一个特征变换为均值 0、标准差 1；均值和标准差只能在训练集上计算。',
    },
    related: ['data-leakage', 'training-set'],
  },
  {
    id: 'tanh',
    term: { en: 'tanh', zh: 'tanh' },
    aliases: { en: ['hyperbolic tangent'], zh: ['双曲正切'] },
    definition: {
      en: 'The hyperbolic tangent, an S-shaped activation with outputs in (−1, 1), centred on zero; tanh(x) = 2σ(2x) − 1.',
      zh: '双曲正切，一种 S 形激活函数，输出在 (−1, 1) 之间、以 0 为中心；tanh(x) = 2σ(2x) − 1。',
    },
    related: ['sigmoid', 'activation-function'],
  },
  {
    id: 'temperature',
    term: { en: 'Temperature', zh: '温度' },
    pinyin: 'wen du',
    aliases: { en: ['temperatures'], zh: [] },
    definition: {
      en: 'The number that divides the logits before sampling: below 1 it makes the likeliest tokens likelier, above 1 it flattens the distribution.',
      zh: '采样前用来除 logit 的数：小于 1 时让最可能的 token 更可能，大于 1 时让分布更平坦。',
    },
    related: ['softmax', 'logit'],
  },
  {
    id: 'test-set',
    term: { en: 'Test set', zh: '测试集' },
    pinyin: 'ce shi ji',
    aliases: { en: ['test sets', 'test split'], zh: [] },
    definition: {
      en: 'Data held back from every decision and used once, at the end, to estimate how the model will do on new data.',
      zh: '不参与任何决策、只在最后使用一次的数据，用来估计模型在新数据上的表现。',
    },
    related: ['validation-set', 'training-set', 'data-leakage'],
  },
  {
    id: 'throughput',
    term: { en: 'Throughput', zh: '吞吐量' },
    pinyin: 'tun tu liang',
    aliases: { en: [], zh: ['吞吐'] },
    definition: {
      en: 'Work done per unit of time, such as the tokens per second generated across all requests. Batching raises it at some cost in latency.',
      zh: '单位时间内完成的工作量，如所有请求合计每秒生成的 token 数。批处理能提高吞吐量，代价是延迟有所增加。',
    },
    related: ['latency', 'memory-bandwidth'],
  },
  {
    id: 'token',
    term: { en: 'Token', zh: 'token' },
    aliases: { en: ['tokens'], zh: ['tokens', '词元'] },
    definition: {
      en: 'The unit of text a language model reads and writes: a word, part of a word, a character or a byte, depending on the tokenizer. Prices and context lengths are counted in tokens.',
      zh: '语言模型读写文本的单位：视分词器而定，可以是一个词、词的一部分、一个字或一个字节。价格和上下文长度都按 token 计。',
    },
    related: ['tokenizer', 'vocabulary', 'embedding'],
  },
  {
    id: 'tokenizer',
    term: { en: 'Tokenizer', zh: '分词器' },
    pinyin: 'fen ci qi',
    aliases: { en: ['tokenizers', 'tokeniser', 'tokenisers'], zh: ['tokenizer'] },
    definition: {
      en: 'The fixed procedure, such as byte-pair encoding (BPE), that splits text into tokens of a vocabulary and maps them to integer ids.',
      zh: '把文本切成词表中的 token 并映射为整数编号的固定程序，如字节对编码（BPE）。',
    },
    related: ['token', 'vocabulary'],
  },
  {
    id: 'training-set',
    term: { en: 'Training set', zh: '训练集' },
    pinyin: 'xun lian ji',
    aliases: { en: ['training sets', 'training split'], zh: [] },
    definition: {
      en: 'The data on which the optimizer minimises the loss.',
      zh: '优化器在其上最小化损失的那部分数据。',
    },
    related: ['validation-set', 'test-set'],
  },
  {
    id: 'transformer',
    term: { en: 'Transformer', zh: 'Transformer' },
    aliases: { en: ['Transformers'], zh: [] },
    definition: {
      en: 'The architecture built from attention layers and per-position MLPs in residual blocks (Vaswani et al., 2017). GPT, BERT and nearly all large models are Transformers.',
      zh: '由注意力层和逐位置 MLP 组成残差块的网络架构（Vaswani 等，2017）。GPT、BERT 以及几乎所有大模型都是 Transformer。',
    },
    related: ['attention', 'decoder-only', 'layer-norm'],
  },
  {
    id: 'unit-economics',
    term: { en: 'Unit economics', zh: '单位经济模型' },
    pinyin: 'dan wei jing ji mo xing',
    aliases: { en: [], zh: ['单位经济'] },
    definition: {
      en: 'The revenue and costs of one unit of business (a customer, a request, a seat): whether each sale makes money before fixed costs.',
      zh: '按一个业务单位（一个客户、一次请求、一个席位）计算的收入与成本，回答每一笔销售在摊销固定成本之前是否赚钱。',
    },
    related: ['gross-margin', 'cac', 'ltv'],
  },
  {
    id: 'validation-set',
    term: { en: 'Validation set', zh: '验证集' },
    pinyin: 'yan zheng ji',
    aliases: { en: ['validation sets', 'validation split'], zh: [] },
    definition: {
      en: 'Data held out from training and used to choose hyperparameters, compare models and decide when to stop.',
      zh: '不参与训练、用来选择超参数、比较模型和决定何时停止训练的数据。',
    },
    related: ['test-set', 'hyperparameter', 'early-stopping'],
  },
  {
    id: 'valuation',
    term: { en: 'Valuation', zh: '估值' },
    pinyin: 'gu zhi',
    aliases: { en: ['valuations'], zh: [] },
    definition: {
      en: 'The price put on a whole company in a round, which sets how many shares the new money buys.',
      zh: '融资时给整个公司定的价格，决定新投入的钱能换得多少股份。',
    },
    related: ['pre-money', 'post-money'],
  },
  {
    id: 'vanishing-gradient',
    term: { en: 'Vanishing gradients', zh: '梯度消失' },
    pinyin: 'ti du xiao shi',
    aliases: { en: ['vanishing gradient'], zh: [] },
    definition: {
      en: 'Gradients that shrink as they are multiplied back through many layers or time steps, so that the early layers barely learn. Saturated sigmoids are a classic cause.',
      zh: '梯度在向后穿过许多层或许多时间步时不断被乘小，导致靠前的层几乎学不动。饱和的 sigmoid 是典型的原因。',
    },
    related: ['backpropagation', 'lstm', 'relu'],
  },
  {
    id: 'vocabulary',
    term: { en: 'Vocabulary', zh: '词表' },
    pinyin: 'ci biao',
    aliases: { en: ['vocabularies'], zh: [] },
    definition: {
      en: 'The fixed set of tokens a tokenizer can produce. Its size V sets the rows of the embedding table and the width of the output softmax.',
      zh: '分词器能产生的全部 token 的集合。其大小 V 决定嵌入表的行数和输出层 softmax 的宽度。',
    },
    related: ['tokenizer', 'embedding'],
  },
  {
    id: 'warm-up',
    term: { en: 'Warm-up', zh: '预热' },
    pinyin: 'yu re',
    aliases: { en: ['warmup'], zh: [] },
    definition: {
      en: 'Raising the learning rate from near zero to its peak over the first steps of training, before it decays, so that early updates do not throw the model off course.',
      zh: '训练最初若干步把学习率从接近 0 逐步升到峰值、之后再衰减，以免早期的大幅更新把模型带偏。',
    },
    related: ['learning-rate'],
  },
  {
    id: 'weight-decay',
    term: { en: 'Weight decay', zh: '权重衰减' },
    pinyin: 'quan zhong shuai jian',
    aliases: { en: [], zh: [] },
    definition: {
      en: 'Shrinking every weight by a small factor at each step, which pulls unused weights towards zero. Under SGD it equals an L2 penalty; under Adam it does not.',
      zh: '每一步把每个权重按一个小比例缩小，使用不上的权重趋向 0。在 SGD 下它等价于 L2 惩罚，在 Adam 下则不然。',
    },
    related: ['regularisation', 'adamw'],
  },
  {
    id: 'wer',
    term: { en: 'Word error rate', zh: '词错误率' },
    pinyin: 'ci cuo wu lv',
    aliases: { en: ['WER', 'word error rates'], zh: ['WER'] },
    definition: {
      en: 'The measure of speech recognition: the substitutions, deletions and insertions needed to turn the transcript into the reference, divided by the reference’s words. For Chinese it is counted in characters (CER).',
      zh: '语音识别的衡量指标：把识别结果改成参考文本所需的替换、删除、插入次数之和，除以参考文本的词数。中文通常按字计算，称字错误率（CER）。',
    },
    related: ['token'],
  },
];

const BY_ID = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The entry with this id, if any. */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return BY_ID.get(id);
}

/** Every form of an entry matched in one edition's prose: the headword (unless it has parentheses) and its aliases. */
export function termForms(entry: GlossaryEntry, lang: Lang): string[] {
  const head = entry.term[lang];
  return [...(/[()（）]/.test(head) ? [] : [head]), ...entry.aliases[lang]];
}

/**
 * The key an entry sorts by in one edition: the English headword in English; in Chinese the pinyin of a headword that
 * starts with a Han character, else the headword itself (Adam, GPU, token), lower-cased.
 */
export function sortKey(entry: GlossaryEntry, lang: Lang): string {
  return SORT_KEYS[lang](entry).toLowerCase();
}

const HAN = /^\p{Script=Han}/u;

const SORT_KEYS: Bilingual<(entry: GlossaryEntry) => string> = {
  en: (entry) => entry.term.en,
  // ü is written v in the keys and sorts between u and ua, as in a dictionary (lu, lü, luan).
  zh: (entry) => (HAN.test(entry.term.zh) ? (entry.pinyin ?? '').replace(/v/g, 'u!') : entry.term.zh),
};

/** True if the Chinese headword starts with a Han character, so it needs a pinyin sort key. */
export function startsWithHan(text: string): boolean {
  return HAN.test(text);
}

export interface GlossaryGroup {
  /** The initial letter (A–Z) the entries of this group share: of the English headword, or of the pinyin. */
  letter: string;
  entries: GlossaryEntry[];
}

/** The entries in one edition's order, grouped by initial letter: alphabetical in English, by pinyin in Chinese. */
export function glossaryGroups(lang: Lang, entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryGroup[] {
  const sorted = [...entries].sort((a, b) => {
    const ka = sortKey(a, lang);
    const kb = sortKey(b, lang);
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1;
  });
  const groups: GlossaryGroup[] = [];
  for (const entry of sorted) {
    const letter = sortKey(entry, lang).charAt(0).toUpperCase();
    const last = groups[groups.length - 1];
    if (last && last.letter === letter) last.entries.push(entry);
    else groups.push({ letter, entries: [entry] });
  }
  return groups;
}
