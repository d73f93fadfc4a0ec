import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, mediaUrl, newIdempotencyKey } from '../api';
import { safeDecode } from '../utils/query';
import { shareMessages, type ShareContent } from '../utils/share';
import { INVITE_CODE_KEY, knownInviteCode } from '../utils/invite-code';

let asking: Promise<string | null> | null = null;

/**
 * The sharer's invite code, asked for when they share (member.me), not when they merely browse: a
 * visitor who never shares is not made a member by a page view. Kept in storage once known.
 */
function myInviteCode(): Promise<string | null> {
  const known = knownInviteCode();
  if (known) return Promise.resolve(known);
  asking ??= call('member.me', {})
    .then(
      (me) => {
        Taro.setStorageSync(INVITE_CODE_KEY, me.inviteCode);
        return me.inviteCode;
      },
      () => null,
    )
    .finally(() => (asking = null));
  return asking;
}

export type SharePreview = { title: string; path: string; imageUrl?: string };

/**
 * The page's chat card (`onShareAppMessage`) and 朋友圈 share (`onShareTimeline`), both carrying the
 * sharer's invite code and the 5:4 PNG cover. The page config needs `enableShareAppMessage` and
 * `enableShareTimeline` (Taro registers the handlers only then). H5 has no WeChat share: `openPreview`
 * shows the same card with its link to copy.
 */
export function useShare(content: () => ShareContent | null) {
  const [preview, setPreview] = useState<SharePreview | null>(null);
  const card = () => {
    const c = content();
    return c ? { ...c, imageUrl: c.imageUrl ? mediaUrl(c.imageUrl) : undefined } : null;
  };
  useShareAppMessage(() => {
    const c = card();
    if (!c) return {};
    const code = knownInviteCode();
    const now = shareMessages(c, code).appMessage;
    // WeChat waits up to 3 s for `promise` (base library 2.12.0+): the code is fetched at share time.
    return code ? now : { ...now, promise: myInviteCode().then((fetched) => shareMessages(c, fetched).appMessage) };
  });
  // 朋友圈 takes no promise: the code rides along once this member has shared or opened 邀请有礼 before.
  useShareTimeline(() => {
    const c = card();
    return c ? shareMessages(c, knownInviteCode()).timeline : {};
  });
  const openPreview = async () => {
    const c = card();
    if (!c) return;
    setPreview(shareMessages(c, await myInviteCode()).appMessage);
  };
  return { preview, openPreview, closePreview: () => setPreview(null) };
}

const attributed = new Set<string>();

/**
 * A friend opening a shared page (`?inv=CODE`) is attributed as on the invite landing: once per code
 * per run; the server decides (first touch wins, never self or a paying customer). A refusal is silent
 * here (the friend came for the product); a new gift shows a toast. From 朋友圈's single-page mode
 * there is no sign-in: the call fails quietly and runs when the friend opens the full mini program.
 */
export function useInviteAttribution(): void {
  const inv = safeDecode(useRouter().params.inv);
  useEffect(() => {
    if (!inv || attributed.has(inv)) return;
    attributed.add(inv);
    call('referral.attribute', { inviteCode: inv }, { idempotencyKey: newIdempotencyKey() }).then(
      (r) =>
        r.giftCoupon &&
        void Taro.showToast({ title: `好友送你「${r.giftCoupon.title}」`, icon: 'none', duration: 2500 }),
      () => attributed.delete(inv),
    );
  }, [inv]);
}
