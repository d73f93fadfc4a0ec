import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Our budgets, well under WeChat's hard limit of 2 MB per package. */
export const MAIN_BUDGET = 800 * 1024;
export const SUBPACKAGE_BUDGET = 500 * 1024;

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

export interface WeappPackageSizes {
  main: number;
  subpackages: Array<{ root: string; bytes: number }>;
  total: number;
}

/** Bytes of the main package (everything outside the subpackage roots) and of each subpackage. */
export function weappPackageSizes(dist: string, subpackageRoots: string[]): WeappPackageSizes {
  const hashFile = join(dist, '.source-hash');
  const total = sizeOf(dist) - (existsSync(hashFile) ? sizeOf(hashFile) : 0);
  const subpackages = subpackageRoots.map((r) => {
    const root = r.replace(/\/$/, '');
    return { root, bytes: sizeOf(join(dist, root)) };
  });
  return { main: total - subpackages.reduce((sum, s) => sum + s.bytes, 0), subpackages, total };
}
