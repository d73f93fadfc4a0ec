import { describe, expect, it } from 'vitest';
import { createLocalIdentity, DEV_OPENID_HEADER } from './identity.local';

const withHeader = (value: string | string[] | undefined) => ({ headers: { [DEV_OPENID_HEADER]: value } });

describe('local dev sign-in', () => {
  it('signs in as the X-Dev-Openid member when dev auth is on', () => {
    const identity = createLocalIdentity({ devAuth: true });
    expect(identity.identify(withHeader('demo-manager'))).toEqual({ openid: 'demo-manager', source: 'dev-header' });
    expect(identity.identify(withHeader(['o_first', 'o_second']))).toEqual({ openid: 'o_first', source: 'dev-header' });
  });

  it('ignores the header when dev auth is off', () => {
    const identity = createLocalIdentity({ devAuth: false });
    expect(identity.identify(withHeader('demo-manager'))).toEqual({ openid: null, source: 'none' });
  });

  it('is anonymous without the header', () => {
    const identity = createLocalIdentity({ devAuth: true });
    expect(identity.identify({})).toEqual({ openid: null, source: 'none' });
    expect(identity.identify(withHeader(undefined))).toEqual({ openid: null, source: 'none' });
  });

  it.each(['', 'has space', 'a'.repeat(65), 'x;drop table', '中文', 'a/b', "o'neil", 'a\nb'])(
    'ignores the malformed openid %j',
    (value) => {
      expect(createLocalIdentity({ devAuth: true }).identify(withHeader(value))).toEqual({
        openid: null,
        source: 'none',
      });
    },
  );

  it('accepts openids up to 64 characters of [A-Za-z0-9_-]', () => {
    const longest = `oA_-9${'z'.repeat(59)}`;
    expect(createLocalIdentity({ devAuth: true }).identify(withHeader(longest)).openid).toBe(longest);
  });

  it('refuses to exist with NODE_ENV=production', () => {
    expect(() => createLocalIdentity({ devAuth: true, nodeEnv: 'production' })).toThrow(/production/);
    expect(() => createLocalIdentity({ devAuth: false, nodeEnv: 'production' })).not.toThrow();
  });
});
