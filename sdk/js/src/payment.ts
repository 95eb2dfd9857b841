import type { Address, Hex } from 'viem';
import { encodeBase64Json } from './base64.js';
import { randomNonce, signTransferWithAuthorization } from './eip3009.js';
import { P402InvalidOptionsError, P402InvalidRequirementsError } from './errors.js';
import { toOffer, type PaymentOffer } from './offer.js';
import type {
  PaymentPayload,
  PaymentRequirementsV1,
  PaymentRequirementsV2,
  ResourceInfo,
  TransferAuthorization,
} from './types.js';
import type { P402Wallet } from './wallet.js';

/** How far back `validAfter` is set, to tolerate clocks that run ahead of the chain's. */
export const VALID_AFTER_SKEW_SECONDS = 600;

export const PAYMENT_SIGNATURE_HEADER = 'PAYMENT-SIGNATURE';
export const X_PAYMENT_HEADER = 'X-PAYMENT';

/** Options of `createPaymentHeader`. The overrides exist for tests and known-answer checks. */
export interface CreatePaymentHeaderOptions {
  /** v2 only: the top-level `resource` of the 402 answer, echoed in the payload. */
  resource?: ResourceInfo | undefined;
  /** Milliseconds since the epoch; `Date.now` by default. */
  clock?: (() => number) | undefined;
  /** Lifetime of the authorization; the requirement's `maxTimeoutSeconds` by default. */
  validForSeconds?: number | undefined;
  /** Override `validAfter` (unix seconds); default `now - 600`, never below 0. */
  validAfter?: bigint | undefined;
  /** Override `validBefore` (unix seconds); default `now + validForSeconds`. */
  validBefore?: bigint | undefined;
  /** Override the nonce (`0x` + 32 bytes); 32 random bytes by default. */
  nonce?: Hex | undefined;
  /** x402 payment-identifier id (16–128 of `[A-Za-z0-9_-]`); a fresh `pay_…` by default. */
  paymentId?: string | undefined;
}

/** x402's payment-identifier extension: the facilitator answers a repeat of the same id and payment as it answered the first. */
export const PAYMENT_IDENTIFIER = 'payment-identifier';

/** A fresh payment id: `pay_` + 32 hex digits from a cryptographic RNG. */
export function newPaymentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `pay_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A signed payment, ready to send. */
export interface PaymentHeader {
  /** `PAYMENT-SIGNATURE` (v2) or `X-PAYMENT` (v1). */
  name: typeof PAYMENT_SIGNATURE_HEADER | typeof X_PAYMENT_HEADER;
  /** base64 of the payload's UTF-8 JSON. */
  value: string;
  x402Version: 1 | 2;
  payload: PaymentPayload;
  payer: Address;
  /** The payment-identifier id the payload carries: a resend of this header is the same payment. */
  paymentId: string;
}

function isV1(requirements: PaymentRequirementsV1 | PaymentRequirementsV2): requirements is PaymentRequirementsV1 {
  return typeof requirements === 'object' && requirements !== null && 'maxAmountRequired' in requirements;
}

/** Signs an EIP-3009 authorization for one offer and wraps it in the payload of the offer's x402 version. */
export async function createPaymentForOffer(
  offer: PaymentOffer,
  wallet: P402Wallet,
  options: CreatePaymentHeaderOptions = {},
): Promise<PaymentHeader> {
  const nowSeconds = BigInt(Math.floor((options.clock ?? Date.now)() / 1000));
  const validFor = options.validForSeconds ?? offer.maxTimeoutSeconds;
  if (!Number.isSafeInteger(validFor) || validFor <= 0) {
    throw new P402InvalidOptionsError('validForSeconds must be a positive integer.');
  }
  const skew = BigInt(VALID_AFTER_SKEW_SECONDS);
  const validAfter = options.validAfter ?? (nowSeconds > skew ? nowSeconds - skew : 0n);
  const validBefore = options.validBefore ?? nowSeconds + BigInt(validFor);
  const nonce = options.nonce ?? randomNonce();
  if (!/^0x[0-9a-fA-F]{64}$/.test(nonce)) {
    throw new P402InvalidOptionsError('nonce must be 0x followed by 32 bytes of hex.');
  }

  const { from, signature } = await signTransferWithAuthorization(
    wallet,
    { name: offer.extra.name, version: offer.extra.version, chainId: offer.chainId, verifyingContract: offer.asset },
    { to: offer.payTo, value: offer.amount, validAfter, validBefore, nonce },
  );
  const authorization: TransferAuthorization = {
    from,
    to: offer.payTo,
    value: offer.amount.toString(),
    validAfter: validAfter.toString(),
    validBefore: validBefore.toString(),
    nonce,
  };
  const exact = { signature, authorization };
  const paymentId = options.paymentId ?? newPaymentId();
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(paymentId)) {
    throw new P402InvalidOptionsError('paymentId must be 16-128 characters of letters, digits, "-" and "_".');
  }
  const extensions = { [PAYMENT_IDENTIFIER]: { info: { required: false, id: paymentId } } };

  if (offer.x402Version === 1) {
    const payload: PaymentPayload = { x402Version: 1, scheme: 'exact', network: offer.network, payload: exact, extensions };
    return { name: X_PAYMENT_HEADER, value: encodeBase64Json(payload), x402Version: 1, payload, payer: from, paymentId };
  }
  const payload: PaymentPayload = {
    x402Version: 2,
    ...(options.resource !== undefined ? { resource: options.resource } : {}),
    accepted: offer.requirement as PaymentRequirementsV2,
    payload: exact,
    extensions,
  };
  return { name: PAYMENT_SIGNATURE_HEADER, value: encodeBase64Json(payload), x402Version: 2, payload, payer: from, paymentId };
}

/**
 * Signs a payment for one x402 requirement (v1 when it has `maxAmountRequired`, else v2) and returns the
 * header to send. It does not check any price limit: that is the caller's decision.
 */
export async function createPaymentHeader(
  requirements: PaymentRequirementsV1 | PaymentRequirementsV2,
  wallet: P402Wallet,
  options: CreatePaymentHeaderOptions = {},
): Promise<PaymentHeader> {
  const offer = toOffer(requirements, isV1(requirements) ? 1 : 2);
  if (typeof offer === 'string') {
    throw new P402InvalidRequirementsError(`Cannot pay this requirement: ${offer}.`);
  }
  return createPaymentForOffer(offer, wallet, options);
}
