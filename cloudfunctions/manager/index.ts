import { createCloudFunction } from '../core/runtime/cloud-main';

/** Cloud function `manager`: a thin adapter; every rule lives in core/. */
export const main = createCloudFunction('manager');
