import type { Bilingual } from '@/lib/i18n';
import type { BudgetLine } from '@/lib/finance/schemas';

/** The six budget lines of source 004, in both editions. */
export const LINE_NAMES: Record<BudgetLine, Bilingual> = {
  data: { en: 'Data', zh: '数据' },
  model: { en: 'Model and compute', zh: '模型与算力' },
  marketing: { en: 'Marketing', zh: '市场营销' },
  team: { en: 'Team', zh: '团队' },
  users: { en: 'User growth', zh: '用户增长' },
  optimization: { en: 'Optimisation', zh: '持续优化' },
};
