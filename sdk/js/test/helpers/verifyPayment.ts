import { isAddressEqual, recoverTypedDataAddress, type Address, type Hex } from 'viem';
import { BASE_USDC_DOMAIN } from './design.js';

/** A payment the test endpoint accepted. */
export interface VerifiedPayment {
  x402Version: 1 | 2;
  from: Address;
  value: bigint;
  validAfter: bigint;
  validBefore: bigint;
  nonce: Hex;
  /** The decoded header, for assertions on its shape. */
  decoded: Record<string, unknown>;
}

export type VerifyResult = { ok: true; payment: VerifiedPayment } | { ok: false; errorReason: string };

interface ExpectedRequirement {
  scheme: string;
  network: string;
  asset: string;
  payTo: string;
}

const TYPES = {
  TransferWithAuthorization: [
    { name: 'from', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'validAfter', type: 'uint256' },
    { name: 'validBefore', type: 'uint256' },
    { name: 'nonce', type: 'bytes32' },
  ],
} as const;

const fail = (errorReason: string): VerifyResult => ({ ok: false, errorReason });
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Checks a payment header the way a facilitator would: envelope, recipient, exact amount, time window,
 * unused nonce, and an EIP-712 signature that recovers to `from` under DESIGN.md's Base USDC domain.
 */
export async function verifyPayment(
  header: string,
  version: 1 | 2,
  expected: ExpectedRequirement,
  price: bigint,
  usedNonces: Set<string>,
): Promise<VerifyResult> {
  let decoded: Record<string, unknown>;
  try {
    decoded = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Record<string, unknown>;
  } catch {
    return fail('invalid_payload');
  }
  if (decoded['x402Version'] !== version) {
    return fail('invalid_payload');
  }
  if (version === 2) {
    const accepted = decoded['accepted'] as Record<string, unknown> | undefined;
    if (accepted?.['network'] !== expected.network || accepted['amount'] !== price.toString()
      || accepted['scheme'] !== 'exact' || accepted['asset'] !== expected.asset || accepted['payTo'] !== expected.payTo) {
      return fail('invalid_exact_evm_network_mismatch');
    }
  } else if (decoded['scheme'] !== 'exact' || decoded['network'] !== expected.network) {
    return fail('invalid_exact_evm_network_mismatch');
  }
  const payload = decoded['payload'] as { signature?: unknown; authorization?: Record<string, unknown> } | undefined;
  const auth = payload?.authorization;
  const signature = payload?.signature;
  if (auth === undefined || typeof signature !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(signature)) {
    return fail('invalid_payload');
  }
  const { from, to, value, validAfter, validBefore, nonce } = auth;
  if (typeof from !== 'string' || typeof to !== 'string' || typeof nonce !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(nonce)
    || ![value, validAfter, validBefore].every((n) => typeof n === 'string' && DECIMAL.test(n))) {
    return fail('invalid_payload');
  }
  if (!isAddressEqual(to as Address, expected.payTo as Address)) {
    return fail('invalid_exact_evm_recipient_mismatch');
  }
  if (BigInt(value as string) !== price) {
    return fail('invalid_exact_evm_payload_authorization_value_mismatch');
  }
  const now = BigInt(Math.floor(Date.now() / 1000));
  if (BigInt(validBefore as string) < now + 6n) {
    return fail('invalid_exact_evm_payload_authorization_valid_before');
  }
  if (BigInt(validAfter as string) > now) {
    return fail('invalid_exact_evm_payload_authorization_valid_after');
  }
  const v = Number.parseInt(signature.slice(130), 16);
  if (v !== 27 && v !== 28) {
    return fail('invalid_exact_evm_signature');
  }
  const message = {
    from: from as Address, to: to as Address, value: BigInt(value as string),
    validAfter: BigInt(validAfter as string), validBefore: BigInt(validBefore as string), nonce: nonce as Hex,
  };
  const signer = await recoverTypedDataAddress({
    domain: BASE_USDC_DOMAIN, types: TYPES, primaryType: 'TransferWithAuthorization', message, signature: signature as Hex,
  });
  if (!isAddressEqual(signer, message.from)) {
    return fail('invalid_exact_evm_signature');
  }
  if (usedNonces.has(nonce.toLowerCase())) {
    return fail('invalid_exact_evm_nonce_already_used');
  }
  usedNonces.add(nonce.toLowerCase());
  return { ok: true, payment: { x402Version: version, ...message, decoded } };
}
