import { getAddress, isAddress, type Address } from 'viem';
import { chainIdOf } from './networks.js';
import type { PaymentRequirementsV1, PaymentRequirementsV2 } from './types.js';

/** A payment requirement this SDK can pay, validated and with its numbers parsed. */
export interface PaymentOffer {
  x402Version: 1 | 2;
  /** The requirement exactly as the server sent it (echoed back as `accepted` in v2). */
  requirement: PaymentRequirementsV1 | PaymentRequirementsV2;
  /** The network as the server wrote it (`eip155:8453`, `base`, …). */
  network: string;
  chainId: number;
  /** Price in atomic units. */
  amount: bigint;
  asset: Address;
  payTo: Address;
  maxTimeoutSeconds: number;
  extra: { name: string; version: string };
}

const UINT = /^(0|[1-9][0-9]*)$/;
const UINT256_MAX = (1n << 256n) - 1n;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates one entry of `accepts`. Returns the offer, or a short reason why this SDK cannot pay it
 * (another scheme, a non-EVM network, a malformed field).
 */
export function toOffer(raw: unknown, x402Version: 1 | 2): PaymentOffer | string {
  if (!isObject(raw)) {
    return 'requirement is not an object';
  }
  const { scheme, network, asset, payTo, maxTimeoutSeconds, extra } = raw;
  if (scheme !== 'exact') {
    return `scheme ${JSON.stringify(scheme)} is not supported (only "exact")`;
  }
  if (typeof network !== 'string') {
    return 'network is missing';
  }
  const chainId = chainIdOf(network);
  if (chainId === undefined) {
    return `network ${JSON.stringify(network)} is not a supported EVM network`;
  }
  const amountField = x402Version === 2 ? 'amount' : 'maxAmountRequired';
  const amountText = raw[amountField];
  if (typeof amountText !== 'string' || !UINT.test(amountText) || BigInt(amountText) > UINT256_MAX) {
    return `${amountField} must be a decimal string of atomic units`;
  }
  if (typeof asset !== 'string' || !isAddress(asset, { strict: false })) {
    return 'asset must be a token contract address';
  }
  if (typeof payTo !== 'string' || !isAddress(payTo, { strict: false })) {
    return 'payTo must be an address';
  }
  if (typeof maxTimeoutSeconds !== 'number' || !Number.isSafeInteger(maxTimeoutSeconds) || maxTimeoutSeconds <= 0) {
    return 'maxTimeoutSeconds must be a positive integer';
  }
  if (!isObject(extra) || typeof extra['name'] !== 'string' || typeof extra['version'] !== 'string') {
    return 'extra.name and extra.version (the EIP-712 domain of the token) are required';
  }
  return {
    x402Version,
    requirement: raw as unknown as PaymentRequirementsV1 | PaymentRequirementsV2,
    network,
    chainId,
    amount: BigInt(amountText),
    asset: getAddress(asset),
    payTo: getAddress(payTo),
    maxTimeoutSeconds,
    extra: { name: extra['name'], version: extra['version'] },
  };
}
