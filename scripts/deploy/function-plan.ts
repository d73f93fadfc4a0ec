import type { BuiltFunction } from '../build-functions';
import {
  deployOf,
  FUNCTION_RUNTIME,
  MAX_TIMEOUT_SECONDS,
  type FunctionCaller,
} from '../../cloudfunctions/core/runtime/function-deploy';
import { requiredEnvOf } from './env-file';
import type { TimerTrigger } from './deploy-api';

/** One function's deployment: the bundle, the table's settings and what its environment must hold. */
export interface FunctionPlan {
  built: BuiltFunction;
  runtime: string;
  timeoutSeconds: number;
  memoryMb: number;
  calledBy: FunctionCaller;
  requiredEnv: string[];
  timer: TimerTrigger | null;
}

export function planFunctions(built: BuiltFunction[]): FunctionPlan[] {
  return built.map((f) => {
    const deploy = deployOf(f.name);
    if (!deploy)
      throw new Error(
        `${f.name} is not in FUNCTION_DEPLOY (cloudfunctions/core/runtime/function-deploy.ts): declare its timeout, memory and caller`,
      );
    if (deploy.timeoutSeconds < 1 || deploy.timeoutSeconds > MAX_TIMEOUT_SECONDS)
      throw new Error(
        `${f.name}: timeout ${deploy.timeoutSeconds} s is outside WeChat Cloud's 1-${MAX_TIMEOUT_SECONDS} s`,
      );
    const triggers = f.config.triggers ?? [];
    if (triggers.length > 1)
      throw new Error(`${f.name} has ${triggers.length} timer triggers; WeChat Cloud allows one`);
    // A timer function without its trigger would never run; a client function with one would run unasked.
    if ((deploy.calledBy === 'timer') !== (triggers.length === 1))
      throw new Error(
        `${f.name}: called by ${deploy.calledBy} in FUNCTION_DEPLOY but has ${triggers.length} timer trigger(s)`,
      );
    return {
      built: f,
      runtime: FUNCTION_RUNTIME,
      timeoutSeconds: deploy.timeoutSeconds,
      memoryMb: deploy.memoryMb,
      calledBy: deploy.calledBy,
      requiredEnv: requiredEnvOf(f.name),
      timer: triggers[0] ? { name: triggers[0].name, cron: triggers[0].config } : null,
    };
  });
}

const CALLERS: Record<FunctionCaller, string> = {
  client: 'mini program (signed in)',
  'wechat-pay': 'WeChat Pay only',
  timer: 'its timer only',
};

/** Aligned columns, header first. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** What each bundle holds and may call in WeChat: name, size, openapi permissions, cloudPay calls, timer trigger. */
export function describeFunctions(built: BuiltFunction[]): string[] {
  return table(
    ['function', 'size', 'openapi permissions', 'cloudPay', 'timer (cron, UTC+8)'],
    built.map((f) => [
      f.name,
      `${(f.bytes / 1024).toFixed(1)} KB`,
      f.config.permissions.openapi.join(', ') || '-',
      f.cloudPay.map((c) => `cloudPay.${c}`).join(', ') || '-',
      f.config.triggers?.map((t) => t.config).join(' ') || '-',
    ]),
  );
}

/** How each function is deployed: runtime, timeout, memory, who may invoke it, the variables it needs. */
export function describeDeployment(plans: FunctionPlan[]): string[] {
  return table(
    ['function', 'runtime', 'timeout', 'memory', 'invoked by', 'client-callable', 'environment it needs'],
    plans.map((p) => [
      p.built.name,
      p.runtime,
      `${p.timeoutSeconds} s`,
      `${p.memoryMb} MB`,
      CALLERS[p.calledBy],
      p.calledBy === 'client' ? 'yes' : 'no',
      p.requiredEnv.join(', '),
    ]),
  );
}

/**
 * The environment's function security rules (云函数安全规则): signed-in clients may call the client
 * functions, nobody may call the rest from a client. The rules govern `callFunction` from clients
 * only; timer triggers and the console are outside them, so closing a timer does not stop it.
 */
export function securityRules(plans: FunctionPlan[]): Record<string, { invoke: boolean | string }> {
  const rules: Record<string, { invoke: boolean | string }> = { '*': { invoke: 'auth != null' } };
  for (const p of plans) if (p.calledBy !== 'client') rules[p.built.name] = { invoke: false };
  return rules;
}
