import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, checkCloudConfig } from '../../cloudfunctions/core/config/production-config';
import { permissionsOf } from '../../cloudfunctions/core/runtime/function-permissions';
import { deployOf } from '../../cloudfunctions/core/runtime/function-deploy';

/**
 * The functions' environment, from one file applied to every function (CloudBase replaces a
 * function's whole environment on each update, so the file is the complete truth, not a patch).
 * `KEY=VALUE` lines; blank lines and `#` comments are skipped; a value may be wrapped in single or
 * double quotes. Values never leave this module except to the deploy API.
 */
export type EnvFile = Record<string, string>;

export class EnvFileError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The functions' environment is incomplete, nothing was deployed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'EnvFileError';
  }
}

export function parseEnvFile(text: string, path: string): EnvFile {
  const env: EnvFile = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      problems.push(`${path}:${i + 1} is not KEY=VALUE`);
      return;
    }
    const value = m[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    env[m[1]!] = quoted ? quoted[2]! : value;
  });
  if (problems.length > 0) throw new EnvFileError(problems);
  return env;
}

/** The file, or null when it does not exist (a dry run may go on without it). */
export function readEnvFile(path: string): EnvFile | null {
  if (!existsSync(path)) return null;
  return parseEnvFile(readFileSync(path, 'utf8'), path);
}

/**
 * What a function checks at start (checkCloudConfig, as cloud-main.ts calls it) plus STORE_ID,
 * which the code defaults to the demo store: a shop deployed without it would serve the demo.
 */
function needsOf(fn: string) {
  const deploy = deployOf(fn);
  const usesContext = deploy?.calledBy !== 'wechat-pay';
  return {
    database: true,
    cloudPay: (permissionsOf(fn)?.cloudPay.length ?? 0) > 0,
    memberCodeSecret: deploy?.calledBy === 'client',
    storeId: usesContext,
  };
}

/** The variable names a function needs at start (for the dry run: names, never values). */
export function requiredEnvOf(fn: string): string[] {
  const needs = needsOf(fn);
  return [
    'DATABASE_URL',
    ...(needs.memberCodeSecret ? ['MEMBER_CODE_SECRET'] : []),
    ...(needs.storeId ? ['STORE_ID'] : []),
    ...(needs.cloudPay ? ['WX_PAY_SUB_MCH_ID'] : []),
  ];
}

/**
 * Every problem the file would cause, per variable, with the functions it would break: the same
 * checks the functions run when they start, run here before anything is uploaded.
 */
export function envFileProblems(env: EnvFile, functions: string[]): string[] {
  const byProblem = new Map<string, string[]>();
  for (const fn of functions) {
    const needs = needsOf(fn);
    const problems: string[] = [];
    try {
      checkCloudConfig(env, needs);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
    if (needs.storeId && !env.STORE_ID)
      problems.push(
        'STORE_ID is not set: the id of the store this deployment serves (the functions would serve the demo store)',
      );
    for (const p of problems) byProblem.set(p, [...(byProblem.get(p) ?? []), fn]);
  }
  return [...byProblem].map(([problem, fns]) => `${problem} (needed by ${fns.join(', ')})`);
}
