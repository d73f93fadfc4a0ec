import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface SourceFile {
  /** Path relative to the repository root. */
  path: string;
  text: string;
}

const EXTENSIONS = ['.tsx', '.ts', '/index.tsx', '/index.ts'];

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/**
 * The source files a page is made of: its `src/<route>.tsx` and every module it reaches through
 * relative imports, inside `src/` (a hook or API call in a child component belongs to the page).
 */
export function pageSources(repo: string, route: string): SourceFile[] {
  const srcRoot = join(repo, 'src');
  const entry = resolveImport(join(srcRoot, 'x'), `./${route}`);
  if (!entry) return [];
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(file, (m[1] ?? m[2])!);
      if (target && target.startsWith(srcRoot) && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return [...seen].sort().map((file) => ({ path: relative(repo, file), text: readFileSync(file, 'utf8') }));
}

/** Every `.ts`/`.tsx` file under `src/`. */
export function allSources(repo: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry)) out.push({ path: relative(repo, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(repo, 'src'));
  return out;
}
