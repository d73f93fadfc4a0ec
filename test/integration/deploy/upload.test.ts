import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadMiniProgram } from '../../../scripts/deploy/upload';
import { CredentialError } from '../../../scripts/deploy/credentials';
import { dir, CREDENTIALS, recordingCi, noCi } from './deploy-fixtures';

describe('npm run upload / npm run preview', () => {
  const weappDir = mkdtempSync(join(tmpdir(), 'weapp-'));
  writeFileSync(join(weappDir, 'app.json'), '{"pages":["pages/home/index"]}');

  it('upload sends the project with the package version, a description and the robot', async () => {
    const { ci, calls } = recordingCi();
    await uploadMiniProgram(['--desc=first release'], {
      env: CREDENTIALS,
      ci: () => ci,
      log: () => undefined,
      weappDir,
    });
    expect(calls[1]).toMatchObject({
      api: 'upload',
      options: { version: '0.1.0', desc: 'first release', robot: 1, setting: { minify: true } },
    });
  });

  it('preview prints its QR code to the terminal', async () => {
    const { ci, calls } = recordingCi();
    await uploadMiniProgram(['--preview'], { env: CREDENTIALS, ci: () => ci, log: () => undefined, weappDir });
    expect(calls[1]).toMatchObject({ api: 'preview', options: { qrcodeFormat: 'terminal', desc: 'storefront 0.1.0' } });
  });

  it('an unreadable key file is named with its path and the reason', async () => {
    const env = { ...CREDENTIALS, WX_PRIVATE_KEY_PATH: join(dir, 'nope.key') };
    const error = (await uploadMiniProgram([], { env, ci: noCi, log: () => undefined, weappDir }).catch(
      (e) => e,
    )) as CredentialError;
    expect(error.problems).toEqual([
      expect.stringContaining(`WX_PRIVATE_KEY_PATH points at ${join(dir, 'nope.key')}, which cannot be read (ENOENT)`),
    ]);
  });

  it('needs only the appid and key (no cloud env), and a built dist/weapp', async () => {
    const missing = (await uploadMiniProgram([], {
      env: { WX_APPID: 'wx0123456789abcdef' },
      ci: noCi,
      log: () => undefined,
      weappDir,
    }).catch((e) => e)) as CredentialError;
    expect(missing.problems).toEqual([expect.stringMatching(/^WX_PRIVATE_KEY_PATH is not set/)]);
    const unbuilt = (await uploadMiniProgram([], {
      env: CREDENTIALS,
      ci: noCi,
      log: () => undefined,
      weappDir: join(dir, 'no-weapp'),
    }).catch((e) => e)) as CredentialError;
    expect(unbuilt.problems[0]).toMatch(/app\.json does not exist: run `npm run build:weapp` first/);
  });
});
