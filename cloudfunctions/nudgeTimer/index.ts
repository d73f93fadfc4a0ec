import { createTimerFunction } from '../core/runtime/cloud-main';

/** Timer function `nudgeTimer`: its trigger (7-field cron) is written into config.json by build-functions. */
export const main = createTimerFunction('nudgeTimer');
