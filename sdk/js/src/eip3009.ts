import { getAddress, type Address, type Hex } from 'viem';
import { toTypedDataSigner, type P402Wallet } from './wallet.js';

/** EIP-712 types of EIP-3009 `TransferWithAuthorization`. */
export const TRANSFER_WITH_AUTHORIZATION_TYPES = {
  TransferWithAuthorization: [
    { name: 'from', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'validAfter', type: 'uint256' },
    { name: 'validBefore', type: 'uint256' },
    { name: 'nonce', type: 'bytes32' },
  ],
} as const;

/** EIP-712 domain of an EIP-3009 token: `{name: extra.name, version: extra.version, chainId, verifyingContract: asset}`. */
export interface Eip3009Domain {
  name: string;
  version: string;
  chainId: number;
  verifyingContract: Address;
}

/** The `TransferWithAuthorization` message. */
export interface TransferWithAuthorizationMessage {
  from: Address;
  to: Address;
  value: bigint;
  validAfter: bigint;
  validBefore: bigint;
  /** `0x` + 32 bytes hex. */
  nonce: Hex;
}

/**
 * Signs EIP-3009 `TransferWithAuthorization` with the wallet and returns its signature: 65 bytes (r ‖ s ‖ v)
 * from a key, the wallet's own EIP-1271 bytes from a smart account (ERC-6492-wrapped while it is not deployed).
 * `message.from` is the wallet's address.
 */
export async function signTransferWithAuthorization(
  wallet: P402Wallet,
  domain: Eip3009Domain,
  message: Omit<TransferWithAuthorizationMessage, 'from'>,
): Promise<{ from: Address; signature: Hex }> {
  const signer = toTypedDataSigner(wallet);
  const from = getAddress(signer.address);
  const signature = await signer.signTypedData({
    domain: { ...domain, verifyingContract: getAddress(domain.verifyingContract) },
    types: TRANSFER_WITH_AUTHORIZATION_TYPES,
    primaryType: 'TransferWithAuthorization',
    message: { ...message, from, to: getAddress(message.to) },
  });
  return { from, signature };
}

/** 32 bytes from the platform's cryptographic RNG, as `0x` hex: a fresh EIP-3009 nonce. */
export function randomNonce(): Hex {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let hex = '0x';
  for (const byte of bytes) {
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex as Hex;
}
