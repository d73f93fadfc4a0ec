import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(__dirname, '../..');

/** A free TCP port on 127.0.0.1 (the OS picks one; it is released before the gateway binds it). */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The real gateway (`cloudfunctions/gateway/main.ts`) as a child process: killable, restartable, measurable. */
export interface GatewayProcess {
  readonly url: string;
  /** The live child's pid (changes on restart). */
  pid(): number;
  /** Resolves when the current child answers /healthz. */
  whenUp(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, open transactions die with their connections. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Resident set size of the child, bytes (Linux /proc). */
  rssBytes(): number;
  stop(): Promise<void>;
  /** The last lines the child wrote to stderr (for a failure report). */
  stderrTail(): string;
}

/**
 * Starts the gateway with dev sign-in on a fresh database URL and a free port, its own timers off
 * (the workload runs them through /api/dev/run-timer so runs are deterministic) and the rate
 * limits raised above what the workload sends. Node runs the TypeScript through tsx's loader in
 * the same process, so the pid is the server itself (SIGKILL reaches it, RSS is its own).
 */
export async function startGatewayProcess(
  databaseUrl: string,
  options: { port?: number } = {},
): Promise<GatewayProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let up: Promise<void> = Promise.resolve();
  let stderr = '';
  /** Set while killed: callers of whenUp() wait for the restart instead of hammering a closed port. */
  let reopen: (() => void) | null = null;

  const launch = () => {
    const started = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/gateway/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        DEV_AUTH: '1',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        TIMERS: '0',
        LOG_LEVEL: 'warn',
        STATIC_DIR: resolve(ROOT, 'build/no-static'),
        RATE_LIMIT_PER_IDENTITY: '1000000',
        RATE_LIMIT_PER_IP: '1000000',
        RATE_LIMIT_MUTATING_PER_IDENTITY: '1000000',
        RATE_LIMIT_MUTATING_PER_IP: '1000000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child = started;
    exited = new Promise((done) => started.once('exit', () => done()));
    up = waitHealthy(url, exited);
  };

  launch();
  await up;
  return {
    url,
    pid: () => child?.pid ?? -1,
    whenUp: () => up,
    kill: async () => {
      up = new Promise((done) => {
        reopen = done;
      });
      child?.kill('SIGKILL');
      await exited;
    },
    restart: async () => {
      launch();
      await up;
      reopen?.();
      reopen = null;
    },
    rssBytes: () => {
      const status = readFileSync(`/proc/${child?.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb * 1024;
    },
    stop: async () => {
      child?.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      child?.kill('SIGKILL');
      await exited;
    },
    stderrTail: () => stderr,
  };
}

async function waitHealthy(url: string, exited: Promise<void>): Promise<void> {
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (dead) throw new Error('the gateway exited before it answered /healthz');
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the gateway did not answer /healthz within 60 s');
}
