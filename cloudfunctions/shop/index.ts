import { createCloudFunction } from '../core/runtime/cloud-main';

/** Cloud function `shop`: a thin adapter; every rule lives in core/shop. */
export const main = createCloudFunction('shop');
