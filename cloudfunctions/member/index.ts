import { createCloudFunction } from '../core/runtime/cloud-main';

/** Cloud function `member`: a thin adapter; every rule lives in core/. */
export const main = createCloudFunction('member');
