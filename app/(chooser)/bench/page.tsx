import type { Metadata } from 'next';
import { BenchRunner, FusedKernelCheck } from '@/components/bench/BenchRunner';

export const metadata: Metadata = {
  title: 'Benchmarks of the training loop · 训练循环基准测试',
};

/** How fast the book's training loop runs in this browser, per backend: a page for readers and for `npm run bench`. */
export default function BenchPage() {
  return (
    <main className="chooser bench">
      <h1>
        Training-loop benchmarks · <span lang="zh-CN">训练循环基准测试</span>
      </h1>
      <p>
        Runs the book&rsquo;s own training loop and TensorFlow.js&rsquo;s <code>model.fit</code> on the same small network, data and
        batch size, on each backend this browser offers, and counts the tensors left after 1,000 steps; then the same for the MNIST MLP and
        the book&rsquo;s CNN, with the GPU work of one step on WebGPU.
      </p>
      <p lang="zh-CN">在本浏览器提供的每个计算后端上，用同一个小网络、同样的数据和批大小，比较本书的训练循环与 TensorFlow.js 自带的 model.fit 的速度，并检查 1,000 步后是否有张量泄漏。</p>
      <BenchRunner />
      <h2>
        Fused WebGPU kernels · <span lang="zh-CN">WebGPU 融合内核</span>
      </h2>
      <p>
        On WebGPU the book updates the weights and computes the loss&rsquo;s gradient with its own fused kernels. This runs each optimizer
        through them and through ordinary tensor operations from the same start, and shows how far apart the results are.
      </p>
      <p lang="zh-CN">在 WebGPU 上，本书用自己编写的融合内核更新权重、计算损失的梯度。下面的检查让每种优化器分别走融合内核和普通张量运算，从同一起点出发，比较两者结果相差多少。</p>
      <FusedKernelCheck />
    </main>
  );
}
