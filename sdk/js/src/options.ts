import type { Address } from 'viem';
import type { ReceiptStore } from './receipts.js';
import type { PaymentPayload, PaymentRequirementsV1, PaymentRequirementsV2 } from './types.js';
import type { P402Wallet } from './wallet.js';

/** What `p402Fetch` tells `onPayment` just before it sends a signed payment. */
export interface PaymentInfo {
  /** The request URL. */
  url: string;
  /** The normalised resource URL (the receipt key). */
  resource: string;
  x402Version: 1 | 2;
  /** The network as the server wrote it (`eip155:8453` or `base`). */
  network: string;
  chainId: number;
  /** Token contract. */
  asset: Address;
  payTo: Address;
  /** Price in atomic units. */
  amount: bigint;
  payer: Address;
  /** The requirement chosen, as the server sent it. */
  requirement: PaymentRequirementsV1 | PaymentRequirementsV2;
  /** The signed payload about to be sent. */
  payload: PaymentPayload;
}

/** The P402 options of `p402Fetch`, given alongside the ordinary `RequestInit` fields. */
export interface P402Options {
  /** Who pays: a viem `LocalAccount`, or a `WalletClient` with an account. Required. */
  wallet: P402Wallet;
  /** The most this request may cost, in atomic units of the token (USDC: 1_000_000n = $1.00). Required. */
  maxAmount: bigint;
  /** The `fetch` to use; `globalThis.fetch` by default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Where receipts are kept; one process-wide `MemoryReceiptStore` by default. */
  receiptStore?: ReceiptStore | undefined;
  /** `2` (default) pays with x402 v2 when offered; `1` uses v1 whenever the server offers it. */
  x402Version?: 1 | 2 | undefined;
  /** Networks you are willing to pay on (`eip155:8453`, `base`, …); any EVM network when absent. */
  networks?: readonly string[] | undefined;
  /** Token contracts you are willing to pay with (case-insensitive); any when absent. */
  assets?: readonly string[] | undefined;
  /** Lifetime of the signed authorization, in seconds; the requirement's `maxTimeoutSeconds` by default. */
  validForSeconds?: number | undefined;
  /** Milliseconds since the epoch; `Date.now` by default (inject for tests). */
  clock?: (() => number) | undefined;
  /**
   * Called after signing and before the payment is sent. Throwing (or rejecting) aborts the payment:
   * nothing is sent, and `p402Fetch` rejects with that error.
   */
  onPayment?: ((payment: PaymentInfo) => void | Promise<void>) | undefined;
}

/** The second argument of `p402Fetch`: fetch's `RequestInit` plus the P402 options. */
export type P402FetchInit = RequestInit & P402Options;
