import { createCloudFunction } from '../core/runtime/cloud-main';

/** Cloud function `referral`: a thin adapter; every rule lives in core/referral. */
export const main = createCloudFunction('referral');
