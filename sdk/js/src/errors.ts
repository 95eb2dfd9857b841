import type { SettlementResponse } from './types.js';

/** Stable, machine-readable codes carried by every error the SDK throws. */
export type P402ErrorCode =
  | 'AMOUNT_EXCEEDED'
  | 'INVALID_REQUIREMENTS'
  | 'PAYMENT_REJECTED'
  | 'BODY_NOT_REPLAYABLE'
  | 'INVALID_OPTIONS'
  | 'INVALID_WALLET';

/** Base class of every error thrown by `@p402/sdk`; switch on `code`. */
export class P402Error extends Error {
  readonly code: P402ErrorCode;

  constructor(code: P402ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The resource costs more than `maxAmount`. Thrown before anything is signed. */
export class P402AmountExceededError extends P402Error {
  /** The cheapest price the server offered on a network/asset we could pay on (atomic units). */
  readonly amount: bigint;
  /** The caller's limit (atomic units). */
  readonly maxAmount: bigint;
  /** The network (CAIP-2 or v1 name, as the server wrote it) of that price. */
  readonly network: string;
  /** The token contract of that price. */
  readonly asset: string;

  constructor(args: { amount: bigint; maxAmount: bigint; network: string; asset: string; resource: string }) {
    super(
      'AMOUNT_EXCEEDED',
      `Payment of ${args.amount} (atomic units of ${args.asset} on ${args.network}) for ${args.resource} ` +
        `exceeds maxAmount ${args.maxAmount}; nothing was signed.`,
    );
    this.amount = args.amount;
    this.maxAmount = args.maxAmount;
    this.network = args.network;
    this.asset = args.asset;
  }
}

/** The 402 answer could not be understood, or offered nothing this SDK can pay (scheme/network/asset). */
export class P402InvalidRequirementsError extends P402Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_REQUIREMENTS', message, options);
  }
}

/** The server answered 402 again to the paid retry: the payment was refused. */
export class P402PaymentRejectedError extends P402Error {
  /** HTTP status of the refusing response (402). */
  readonly status: number;
  /** The decoded `PAYMENT-RESPONSE` / `X-PAYMENT-RESPONSE` header, when the server sent one. */
  readonly paymentResponse: SettlementResponse | undefined;
  /** `errorReason` of the settlement response, else the `error` of the new 402 requirements, when known. */
  readonly errorReason: string | undefined;

  constructor(args: { status: number; resource: string; paymentResponse?: SettlementResponse; errorReason?: string }) {
    super(
      'PAYMENT_REJECTED',
      `The server refused the payment for ${args.resource}` +
        (args.errorReason ? `: ${args.errorReason}` : ` (HTTP ${args.status})`),
    );
    this.status = args.status;
    this.paymentResponse = args.paymentResponse;
    this.errorReason = args.errorReason;
  }
}

/** The request body is a stream, which cannot be sent a second time with the payment. */
export class P402BodyNotReplayableError extends P402Error {
  constructor(message: string) {
    super('BODY_NOT_REPLAYABLE', message);
  }
}

/** `p402Fetch` options are missing or of the wrong type. */
export class P402InvalidOptionsError extends P402Error {
  constructor(message: string) {
    super('INVALID_OPTIONS', message);
  }
}

/** The wallet is neither a viem LocalAccount nor a WalletClient with an account. */
export class P402InvalidWalletError extends P402Error {
  constructor(message: string) {
    super('INVALID_WALLET', message);
  }
}
