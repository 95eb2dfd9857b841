/**
 * x402 wire formats (v1 and v2), as listed in P402's DESIGN.md. Amounts, timestamps and uint256 values
 * are decimal strings; `x402Version` and `maxTimeoutSeconds` are numbers.
 */

/** Token metadata for the EIP-712 domain of an EIP-3009 token. */
export interface TokenExtra {
  /** EIP-712 domain name, e.g. `USD Coin`. */
  name: string;
  /** EIP-712 domain version, e.g. `2`. */
  version: string;
  [key: string]: unknown;
}

/** The resource a v2 402 answer is about. */
export interface ResourceInfo {
  url: string;
  description?: string;
  mimeType?: string;
  [key: string]: unknown;
}

/** One way to pay, as offered in a v2 `PAYMENT-REQUIRED` header. */
export interface PaymentRequirementsV2 {
  scheme: string;
  /** CAIP-2, e.g. `eip155:8453`. */
  network: string;
  /** Price in atomic units, decimal string. */
  amount: string;
  /** Token contract address. */
  asset: string;
  payTo: string;
  maxTimeoutSeconds: number;
  extra: TokenExtra;
  [key: string]: unknown;
}

/** One way to pay, as offered in a v1 402 JSON body. */
export interface PaymentRequirementsV1 {
  scheme: string;
  /** v1 network name, e.g. `base`, `base-sepolia`. */
  network: string;
  /** Price in atomic units, decimal string. */
  maxAmountRequired: string;
  /** Absolute URL of the resource. */
  resource: string;
  description: string;
  mimeType: string;
  payTo: string;
  maxTimeoutSeconds: number;
  asset: string;
  extra: TokenExtra;
  outputSchema?: unknown;
  [key: string]: unknown;
}

/** Decoded `PAYMENT-REQUIRED` header (v2). */
export interface PaymentRequiredV2 {
  x402Version: 2;
  error?: string;
  resource: ResourceInfo;
  accepts: PaymentRequirementsV2[];
  extensions?: unknown;
}

/** The 402 JSON body (v1). */
export interface PaymentRequiredV1 {
  x402Version: 1;
  error?: string;
  accepts: PaymentRequirementsV1[];
}

/** EIP-3009 `TransferWithAuthorization` fields, all decimal strings except the addresses and nonce. */
export interface TransferAuthorization {
  from: string;
  to: string;
  value: string;
  validAfter: string;
  validBefore: string;
  /** `0x` + 32 bytes hex. */
  nonce: string;
}

/** The `exact` scheme's EVM payload. */
export interface ExactEvmPayload {
  /** `0x` + hex: 65 bytes (r, s, v) from a key; a smart account's EIP-1271 bytes, ERC-6492-wrapped while it is counterfactual. */
  signature: string;
  authorization: TransferAuthorization;
}

/** What the v2 `PAYMENT-SIGNATURE` header carries (base64 JSON). */
export interface PaymentPayloadV2 {
  x402Version: 2;
  resource?: ResourceInfo;
  accepted: PaymentRequirementsV2;
  payload: ExactEvmPayload;
  extensions?: unknown;
}

/** What the v1 `X-PAYMENT` header carries (base64 JSON). */
export interface PaymentPayloadV1 {
  x402Version: 1;
  scheme: 'exact';
  network: string;
  payload: ExactEvmPayload;
  extensions?: unknown;
}

export type PaymentPayload = PaymentPayloadV1 | PaymentPayloadV2;

/** Decoded `PAYMENT-RESPONSE` (v2) / `X-PAYMENT-RESPONSE` (v1) settlement header. */
export interface SettlementResponse {
  success: boolean;
  errorReason?: string;
  errorMessage?: string;
  /** Transaction hash, `""` if nothing was sent. */
  transaction?: string;
  network?: string;
  payer?: string;
  /** P402 additions (ignored by plain x402 servers). */
  reason?: string;
  message?: string;
  requestId?: string;
  txHash?: string;
  [key: string]: unknown;
}
