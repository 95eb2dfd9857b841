export { p402Fetch, getDefaultReceiptStore } from './fetch.js';
export type { P402FetchInit, P402Options, PaymentInfo } from './options.js';
export {
  createPaymentHeader,
  newPaymentId,
  PAYMENT_IDENTIFIER,
  PAYMENT_SIGNATURE_HEADER,
  X_PAYMENT_HEADER,
  VALID_AFTER_SKEW_SECONDS,
  type CreatePaymentHeaderOptions,
  type PaymentHeader,
} from './payment.js';
export { getPaymentResponse, PAYMENT_RESPONSE_HEADER, X_PAYMENT_RESPONSE_HEADER } from './settlement.js';
export { decodePaymentRequired, PAYMENT_REQUIRED_HEADER, type DecodedPaymentRequired } from './paymentRequired.js';
export type { PaymentOffer } from './offer.js';
export { MemoryReceiptStore, type ReceiptStore } from './receipts.js';
export { RECEIPT_HEADER, RECEIPT_EXPIRES_HEADER } from './receiptHeaders.js';
export { normalizeResourceUrl } from './resource.js';
export { chainIdOf } from './networks.js';
export {
  signTransferWithAuthorization,
  TRANSFER_WITH_AUTHORIZATION_TYPES,
  type Eip3009Domain,
  type TransferWithAuthorizationMessage,
} from './eip3009.js';
export { decodeBase64Json, encodeBase64Json } from './base64.js';
export type { P402Wallet } from './wallet.js';
export {
  P402Error,
  P402AmountExceededError,
  P402InvalidRequirementsError,
  P402PaymentRejectedError,
  P402BodyNotReplayableError,
  P402InvalidOptionsError,
  P402InvalidWalletError,
  type P402ErrorCode,
} from './errors.js';
export type * from './types.js';
