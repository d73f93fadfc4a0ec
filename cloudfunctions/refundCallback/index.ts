import { createCallbackFunction } from '../core/runtime/cloud-main';

/** `refundCallback`: WeChat Pay calls it with its result event; answers { errcode: 0 } once recorded. */
export const main = createCallbackFunction('refundCallback');
