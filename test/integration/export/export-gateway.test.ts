import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { startGateway, type Gateway } from '../../../cloudfunctions/gateway/server';

describeEachDatabase('report downloads through the gateway', (use) => {
  let gateway: Gateway;
  let mediaDir: string;
  const call = async (fn: string, body: unknown, openid: string) => {
    const res = await fetch(`${gateway.url}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'export-gw-'));
    gateway = await startGateway({ port: 0, db: use(), devAuth: true, logLevel: 'silent', rateLimit: false, mediaDir });
  });
  afterAll(async () => {
    await gateway?.close();
    await rm(mediaDir, { recursive: true, force: true });
    if (use().kind === 'postgres') {
      await use().close();
      await sleep(200);
    }
  });

  it('queues over HTTP, builds on run-timer, and serves the file only on a fresh signed link', async () => {
    const queued = await call(
      'manager',
      {
        action: 'exportReport',
        data: { kind: 'members', from: '2026-01-01', to: '2026-12-31', format: 'csv' },
        idempotencyKey: 'k-export-gw',
      },
      'demo-manager',
    );
    expect(queued).toMatchObject({ status: 200, json: { data: { status: 'queued' } } });
    const jobId = queued.json.data.jobId as string;
    const notYet = await call('manager', { action: 'exportDownload', data: { jobId } }, 'demo-manager');
    expect(notYet).toMatchObject({ status: 409, json: { error: { code: 'EXPORT_NOT_READY' } } });

    const run = await fetch(`${gateway.url}/api/dev/run-timer/exportWorker`, { method: 'POST' });
    expect(await run.json()).toMatchObject({ ok: true, data: { ran: true, result: { built: 1 } } });
    const link = await call('manager', { action: 'exportDownload', data: { jobId } }, 'demo-manager');
    expect(link.status).toBe(200);
    const url = link.json.data.url as string;
    expect(url).toMatch(/^\/media\/exports\/members-20260101-20261231-[0-9a-f]{24}\.csv\?exp=\d+&sig=[0-9a-f]{64}$/);

    const ok = await fetch(`${gateway.url}${url}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="members-/);
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith('会员卡号,')).toBe(true);
    // The unguessable name alone, another expiry, or another signature: refused.
    const bare = url.replace(/\?.*$/, '');
    const later = url.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 60}`);
    const forged = url.replace(/sig=([0-9a-f])/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`);
    for (const path of [bare, later, forged]) {
      const res = await fetch(`${gateway.url}${path}`);
      expect(res.status, path).toBe(403);
      expect(await res.json()).toMatchObject({
        ok: false,
        error: { message: '下载链接已过期，请在数据导出页重新下载' },
      });
    }
    // A staff member gets no link at all.
    const staff = await call('manager', { action: 'exportDownload', data: { jobId } }, 'demo-staff');
    expect(staff).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
  });
});
