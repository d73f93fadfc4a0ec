/**
 * Every function's actions: name -> zod input, minimum role, output type. One file per context
 * under contract/, and the manager's actions by concept under contract/manager/; this module puts
 * them together.
 * The client imports the *types* of this module only (`import type`), never the schemas.
 */
import type { z } from 'zod';
import type { ActionSpec } from './contract/action';
import { advisorActions } from './contract/advisor.contract';
import { catalogActions } from './contract/catalog.contract';
import { couponActions } from './contract/coupon.contract';
import { groupbuyActions } from './contract/groupbuy.contract';
import { managerActions } from './contract/manager';
import { memberActions } from './contract/member.contract';
import { nudgeActions } from './contract/nudge.contract';
import { orderActions } from './contract/order.contract';
import { referralActions } from './contract/referral.contract';
import { shopActions } from './contract/shop.contract';
import { staffActions } from './contract/staff.contract';

export type { Fen, Points } from './shared/money';
export type { Envelope, AppErrorBody, ErrorCode } from './errors';
export { ROLES, type ActionSpec, type Role } from './contract/action';
export type * from './contract/advisor.contract';
export type * from './contract/catalog.contract';
export type * from './contract/coupon.contract';
export type * from './contract/groupbuy.contract';
export type * from './contract/manager';
export type * from './contract/member.contract';
export type * from './contract/nudge.contract';
export type * from './contract/order.contract';
export type * from './contract/referral.contract';
export type * from './contract/shop.contract';
export type * from './contract/staff.contract';

export const contract = {
  ...catalogActions,
  ...memberActions,
  ...couponActions,
  ...orderActions,
  ...managerActions,
  ...staffActions,
  ...groupbuyActions,
  ...nudgeActions,
  ...referralActions,
  ...shopActions,
  ...advisorActions,
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<N extends ActionName> = z.input<Contract[N]['input']>;
export type ActionOutput<N extends ActionName> = Contract[N] extends ActionSpec<z.ZodType, infer O> ? O : never;
/** The deployed function that hosts an action: the part before the dot. */
export type FunctionOf<N extends ActionName> = N extends `${infer F}.${string}` ? F : never;
export type FunctionName = FunctionOf<ActionName>;
export type ActionsOf<F extends FunctionName> = Extract<ActionName, `${F}.${string}`>;
