export { call, newIdempotencyKey } from './client';
export { ApiError, errorText, isTransportError, transportError, unwrap, type TransportCode } from './errors';
export { toastError } from './toast';
export { mediaUrl } from './media';
export { uploadAvatar } from './upload';
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
