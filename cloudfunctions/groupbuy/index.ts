import { createCloudFunction } from '../core/runtime/cloud-main';

/** Cloud function `groupbuy`: a thin adapter; every rule lives in core/. */
export const main = createCloudFunction('groupbuy');
