import type { Account, Address, Chain, Hex, LocalAccount, Transport, WalletClient } from 'viem';
import type { SmartAccount } from 'viem/account-abstraction';
import { P402InvalidWalletError } from './errors.js';

/**
 * What can pay: a viem `LocalAccount` (`privateKeyToAccount`, `mnemonicToAccount`, `toAccount`, …), a
 * viem `WalletClient` that has an `account` (for example a browser wallet behind `custom(window.ethereum)`),
 * or a viem `SmartAccount` (`toCoinbaseSmartAccount`, `toSoladySmartAccount`, permissionless's accounts, …).
 * A smart account pays from its own address: its signature is checked by the wallet contract (EIP-1271),
 * and while it is not deployed viem wraps it in ERC-6492, so the facilitator deploys it with the payment.
 */
export type P402Wallet = LocalAccount | WalletClient<Transport, Chain | undefined, Account> | SmartAccount;

/** The typed data the SDK asks a wallet to sign (EIP-712, already fully typed by the caller). */
export interface TypedDataRequest {
  domain: { name: string; version: string; chainId: number; verifyingContract: Address };
  types: Record<string, readonly { name: string; type: string }[]>;
  primaryType: string;
  message: Record<string, unknown>;
}

/** The narrow view of a wallet the SDK needs. */
export interface TypedDataSigner {
  readonly address: Address;
  signTypedData(request: TypedDataRequest): Promise<Hex>;
}

type SignTypedDataFn = (parameters: unknown) => Promise<Hex>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Adapts a `P402Wallet` to `TypedDataSigner`, or throws `P402InvalidWalletError`. */
export function toTypedDataSigner(wallet: P402Wallet): TypedDataSigner {
  const candidate: unknown = wallet;
  if (!isObject(candidate)) {
    throw new P402InvalidWalletError('wallet is required: pass a viem LocalAccount or a WalletClient with an account.');
  }
  const sign = candidate['signTypedData'];
  const account = candidate['account'];
  if (typeof sign === 'function' && isObject(account) && typeof account['address'] === 'string') {
    // A WalletClient: its signTypedData action takes the account explicitly.
    const client = candidate as { signTypedData: SignTypedDataFn };
    return {
      address: account['address'] as Address,
      signTypedData: (request) => client.signTypedData({ account, ...request }),
    };
  }
  if (typeof sign === 'function' && typeof candidate['address'] === 'string') {
    const local = candidate as { signTypedData: SignTypedDataFn };
    return {
      address: candidate['address'] as Address,
      signTypedData: (request) => local.signTypedData(request),
    };
  }
  throw new P402InvalidWalletError(
    'wallet cannot sign typed data: pass a viem LocalAccount (e.g. privateKeyToAccount(key)) ' +
      'or a WalletClient created with an account.',
  );
}
