/** The frontmatter every chapter carries, validated at build time: a bad field fails the build naming file and field. */
import { z } from 'zod';

export const frontmatterSchema = z
  .object({
    title: z.string().min(1).max(120),
    summary: z.string().min(10).max(400),
    part: z.enum(['foundations', 'applications', 'startup', 'appendices']),
    order: z.number().int().min(1).max(200),
    sources: z.array(z.string().min(1)).default([]),
    updated: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()]).transform((v) =>
      typeof v === 'string' ? v : v.toISOString().slice(0, 10),
    ),
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;

export class FrontmatterError extends Error {
  constructor(file: string, issues: { path: PropertyKey[]; message: string }[]) {
    const lines = issues.map((i) => `  - ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    super(`Invalid frontmatter in ${file}:\n${lines.join('\n')}`);
    this.name = 'FrontmatterError';
  }
}

/** Validates raw frontmatter data; throws FrontmatterError naming the file and each bad field. */
export function parseFrontmatter(data: unknown, file: string): Frontmatter {
  const result = frontmatterSchema.safeParse(data);
  if (!result.success) throw new FrontmatterError(file, result.error.issues);
  return result.data;
}
