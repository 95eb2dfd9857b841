import { P402InvalidOptionsError } from './errors.js';
import type { P402FetchInit, P402Options } from './options.js';
import { createPaymentForOffer } from './payment.js';
import { readPaymentRequired } from './paymentRequired.js';
import { MemoryReceiptStore, type ReceiptStore } from './receipts.js';
import { rejectPayment } from './rejection.js';
import { RECEIPT_HEADER, rememberReceipt } from './receiptHeaders.js';
import { toReplayableRequest } from './request.js';
import { normalizeResourceUrl } from './resource.js';
import { selectOffer } from './select.js';
import { toTypedDataSigner } from './wallet.js';

const defaultReceiptStore = new MemoryReceiptStore();

/** The receipt store `p402Fetch` uses when none is given: one in-memory store for the process. */
export function getDefaultReceiptStore(): ReceiptStore {
  return defaultReceiptStore;
}

function checkOptions(options: P402Options): void {
  if (typeof options.maxAmount !== 'bigint' || options.maxAmount < 0n) {
    throw new P402InvalidOptionsError('maxAmount is required: a non-negative bigint of atomic units (1_000_000n = 1 USDC).');
  }
  if (options.x402Version !== undefined && options.x402Version !== 1 && options.x402Version !== 2) {
    throw new P402InvalidOptionsError('x402Version must be 1 or 2.');
  }
  toTypedDataSigner(options.wallet);
}

function documentBase(): string | undefined {
  const location = (globalThis as { location?: { href?: unknown } }).location;
  return typeof location?.href === 'string' ? location.href : undefined;
}

/**
 * `fetch` that pays. Sends the request (with the stored receipt for this resource, if any); on
 * `402 Payment Required` it picks a requirement it can pay within `maxAmount`, signs an EIP-3009
 * authorization with `wallet`, and sends the same request again with the payment. A `P402-Receipt`
 * answered by the server is stored and presented on later requests instead of paying again.
 * Every payment carries an x402 payment-identifier id; when the paid request's answer is lost (the
 * connection fails), the identical payment is sent once more, and the server answers it as it answered
 * the first: the resource, without paying twice.
 *
 * @throws P402AmountExceededError the price is above `maxAmount` (nothing was signed)
 * @throws P402InvalidRequirementsError the 402 answer is malformed or offers nothing payable
 * @throws P402PaymentRejectedError the paid retry was answered 402 again
 * @throws P402BodyNotReplayableError the body is a stream
 */
export async function p402Fetch(input: string | URL | Request, init: P402FetchInit): Promise<Response> {
  if (typeof init !== 'object' || init === null) {
    throw new P402InvalidOptionsError('p402Fetch(url, { wallet, maxAmount }) needs its options.');
  }
  const {
    wallet, maxAmount, fetch: fetchOption, receiptStore, x402Version, networks, assets,
    validForSeconds, clock, onPayment, ...requestInit
  } = init;
  checkOptions(init);
  const store = receiptStore ?? defaultReceiptStore;
  const fetchImpl = fetchOption ?? globalThis.fetch;
  const send = (url: string, options: RequestInit): Promise<Response> => fetchImpl.call(globalThis, url, options);

  const request = await toReplayableRequest(input, requestInit);
  const resource = normalizeResourceUrl(request.url, documentBase());

  const firstHeaders = new Headers(request.init.headers);
  let sentReceipt = firstHeaders.has(RECEIPT_HEADER);
  if (!sentReceipt) {
    const receipt = await store.get(resource);
    if (receipt !== undefined) {
      firstHeaders.set(RECEIPT_HEADER, receipt);
      sentReceipt = true;
    }
  }
  const first = await send(request.url, { ...request.init, headers: firstHeaders });
  if (first.status !== 402) {
    await rememberReceipt(first, store, resource);
    return first;
  }
  if (sentReceipt) {
    await store.delete(resource);
  }

  const required = await readPaymentRequired(first, x402Version ?? 2);
  const offer = selectOffer(required, { maxAmount, networks, assets }, resource);
  const payment = await createPaymentForOffer(offer, wallet, { resource: required.resource, clock, validForSeconds });
  await onPayment?.({
    url: request.url,
    resource,
    x402Version: payment.x402Version,
    network: offer.network,
    chainId: offer.chainId,
    asset: offer.asset,
    payTo: offer.payTo,
    amount: offer.amount,
    payer: payment.payer,
    requirement: offer.requirement,
    payload: payment.payload,
  });

  const paidHeaders = new Headers(request.init.headers);
  paidHeaders.delete(RECEIPT_HEADER);
  paidHeaders.set(payment.name, payment.value);
  const paid = await sendPaidOnceMoreIfLost(() => send(request.url, { ...request.init, headers: paidHeaders }), request.init.signal);
  if (paid.status === 402) {
    throw await rejectPayment(paid, resource);
  }
  await rememberReceipt(paid, store, resource);
  return paid;
}

/** A paid request whose answer never arrived is sent again, identically (same payment id); the caller's own abort is not retried. */
async function sendPaidOnceMoreIfLost(sendPaid: () => Promise<Response>, signal: AbortSignal | null | undefined): Promise<Response> {
  try {
    return await sendPaid();
  } catch (error) {
    if (signal?.aborted === true || (error instanceof Error && error.name === 'AbortError')) {
      throw error;
    }
    return sendPaid();
  }
}
