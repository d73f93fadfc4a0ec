import { createTimerFunction } from '../core/runtime/cloud-main';

/** Timer function `exportWorker`: builds queued reports and deletes expired ones; its trigger is written into config.json by build-functions. */
export const main = createTimerFunction('exportWorker');
