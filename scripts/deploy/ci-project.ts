import { resolve } from 'node:path';
import type { CiCredentials } from './credentials';

/**
 * The slice of miniprogram-ci these scripts call (the mini program's upload and preview); tests
 * inject a recorder with the same shape. Cloud functions are not deployed with it: its
 * `cloud.uploadFunction` creates a missing function on Nodejs8.9 with a 3 s timeout and cannot be
 * told otherwise (see deploy-functions.ts).
 */
export interface CiModule {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores?: string[];
  }) => unknown;
  upload(options: Record<string, unknown>): Promise<unknown>;
  preview(options: Record<string, unknown>): Promise<unknown>;
}

export const ROOT = resolve(__dirname, '../..');

/** Loaded only when a command is about to talk to WeChat, so dry runs and checks need no network module. */
export function loadCi(): CiModule {
  return require('miniprogram-ci') as CiModule;
}

/** The project as WeChat DevTools sees it: the repository root (project.config.json -> dist/weapp). */
export function ciProject(ci: CiModule, credentials: CiCredentials) {
  return new ci.Project({
    appid: credentials.appid,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKeyPath: credentials.privateKeyPath,
    ignores: ['node_modules/**/*', 'src/**/*', 'test/**/*', 'cloudfunctions/**/*', '.data/**/*'],
  });
}

export function parseArgs(argv: string[]): { flags: Set<string>; values: Record<string, string> } {
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) continue;
    if (m[2] === undefined) flags.add(m[1]!);
    else values[m[1]!] = m[2];
  }
  return { flags, values };
}
