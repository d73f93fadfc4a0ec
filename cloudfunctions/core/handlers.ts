import type { ActionInput, ActionName, ActionOutput } from './contract';
import type { ServiceArgs } from './context';
import type { Result } from './errors';
import { getHome, getProduct, listProducts, quoteCart } from './catalog/catalog.service';
import { getMyProfile } from './member/member.service';

export type Handler<N extends ActionName> = (args: ServiceArgs<ActionInput<N>>) => Promise<Result<ActionOutput<N>>>;

/** Which use case serves each action. The type makes a contract action without a handler a compile error. */
export const handlers: { [N in ActionName]: Handler<N> } = {
  'catalog.home': getHome,
  'catalog.listProducts': listProducts,
  'catalog.getProduct': getProduct,
  'catalog.quoteCart': quoteCart,
  'member.me': getMyProfile,
};
