import type { LocalAccount } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { PAYER_KEY } from './design.js';

/** A LocalAccount whose every signing function counts its calls. */
export interface CountingAccount {
  wallet: LocalAccount;
  /** Calls to signTypedData, signMessage, signTransaction and sign, together. */
  readonly signCalls: number;
}

export function countingAccount(account: LocalAccount = privateKeyToAccount(PAYER_KEY)): CountingAccount {
  let calls = 0;
  const wallet: LocalAccount = {
    ...account,
    signTypedData: ((parameters) => {
      calls += 1;
      return account.signTypedData(parameters);
    }) as LocalAccount['signTypedData'],
    signMessage: ((parameters) => {
      calls += 1;
      return account.signMessage(parameters);
    }) as LocalAccount['signMessage'],
    signTransaction: ((transaction, options) => {
      calls += 1;
      return account.signTransaction(transaction, options);
    }) as LocalAccount['signTransaction'],
    sign: async (parameters) => {
      calls += 1;
      if (account.sign === undefined) {
        throw new Error('account cannot sign hashes');
      }
      return account.sign(parameters);
    },
  };
  return {
    wallet,
    get signCalls() {
      return calls;
    },
  };
}
