import { isInviteCode } from '../../member';

/**
 * Where an invite code travels: the share card's path and the poster code's `scene`.
 * WeChat's `wxacode.getUnlimited` takes a scene of at most 32 visible characters from
 * 0-9 A-Z a-z and !#$&'()*+,/:;=?@-._~ ; anything else is refused by the API.
 */
export const SCENE_MAX_LENGTH = 32;
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

export const INVITE_LANDING_PAGE = 'packages/invite/landing';

export function isWechatScene(scene: string): boolean {
  return scene.length > 0 && scene.length <= SCENE_MAX_LENGTH && SCENE_CHARS.test(scene);
}

export function inviteScene(code: string): string {
  return `i=${code}`;
}

export function invitePath(code: string): string {
  return `/${INVITE_LANDING_PAGE}?inv=${code}`;
}

/**
 * The invite code in a scene as the mini program receives it: URI-encoded in `onLoad`'s
 * `scene` (`i%3DABC234`), or already decoded. Null when it carries no valid code.
 */
export function codeFromScene(raw: string): string | null {
  let scene = raw;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const match = /^i=([^&]*)$/.exec(scene);
  return match && isInviteCode(match[1]!) ? match[1]! : null;
}
