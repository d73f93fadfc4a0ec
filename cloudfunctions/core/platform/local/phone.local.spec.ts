import { describe, expect, it } from 'vitest';
import { localPhone } from './phone.local';

describe('local phone exchange', () => {
  it('turns a dev- code into the same mainland number every time', async () => {
    const first = await localPhone.exchange('dev-alice');
    expect(first).toMatchObject({ ok: true, countryCode: '86' });
    expect(first.ok && first.phoneNumber).toMatch(/^138\d{8}$/);
    expect(await localPhone.exchange('dev-alice')).toEqual(first);
  });

  it('refuses codes that are not dev- codes', async () => {
    expect((await localPhone.exchange('0a1b2c3d')).ok).toBe(false);
    expect((await localPhone.exchange('dev-')).ok).toBe(false);
  });
});
