import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWeapp, startWeapp, WALK_TIMEOUT, type Weapp } from './harness';

/**
 * WeChat's privacy consent as the bundle meets it: a visitor who has not agreed to the 用户隐私保护指引
 * focuses the nickname input, WeChat asks the page (`onNeedPrivacyAuthorization`), our popup shows;
 * a refusal is said on the page and the next attempt asks again; agreeing lets the input work.
 */
describeWeapp('weapp walk: privacy', () => {
  let h: Weapp;
  beforeAll(async () => {
    h = await startWeapp();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'a new visitor refuses privacy at the nickname input, is told what that disables, and is asked again',
    async () => {
      h.signIn('weapp-privacy-visitor');
      h.wx.privacy.agreed = false;
      await h.launch();
      await h.open('/packages/member/profile');
      await h.waitFor('#profile-nickname');
      expect(h.has('#privacy-popup')).toBe(false);

      await h.focus('#profile-nickname');
      await h.waitFor('#privacy-popup');
      expect(h.find('#privacy-popup').text()).toContain('隐私');
      await h.tap('#privacy-refuse');
      expect(h.has('#privacy-popup')).toBe(false);
      expect(h.wx.privacy.agreed).toBe(false);
      // Never a silent degrade: the page says what the refusal turned off and offers to ask again.
      expect(h.find('#profile-privacy-refused').text()).toContain('昵称');

      await h.focus('#profile-nickname');
      await h.waitFor('#privacy-popup');
      await h.tap('#privacy-agree');
      expect(h.wx.privacy.agreed).toBe(true);
      expect(h.has('#privacy-popup')).toBe(false);
    },
    WALK_TIMEOUT,
  );
});
