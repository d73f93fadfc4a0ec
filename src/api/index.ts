export { call, ApiError, newIdempotencyKey } from './client';
export { errorText, toastError } from './errors';
export { mediaUrl } from './media';
export type {
  ActionName,
  ActionInput,
  ActionOutput,
  Banner,
  CartLine,
  CartQuote,
  Category,
  Fen,
  MemberProfile,
  ProductDetail,
  ProductSummary,
  Sku,
} from '../../cloudfunctions/core/contract';
