import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { privateKeyToAccount } from 'viem/accounts';
import {
  MemoryReceiptStore,
  p402Fetch,
  P402AmountExceededError,
  P402BodyNotReplayableError,
  P402Error,
  P402InvalidOptionsError,
  P402InvalidRequirementsError,
  P402InvalidWalletError,
  P402PaymentRejectedError,
  type P402Wallet,
} from '../src/index.js';
import { BASE_USDC, MERCHANT_ADDRESS, PAYER_KEY } from './helpers/design.js';
import { startPaidServer, type PaidServer, type PaidServerOptions } from './helpers/paidServer.js';
import { countingAccount } from './helpers/wallets.js';

const requirement = {
  scheme: 'exact', network: 'eip155:8453', amount: '10000', asset: BASE_USDC, payTo: MERCHANT_ADDRESS,
  maxTimeoutSeconds: 60, extra: { name: 'USD Coin', version: '2' },
};

describe('p402Fetch errors', () => {
  let server: PaidServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('throws P402AmountExceededError above maxAmount without signing anything', async () => {
    server = await startPaidServer({ price: 1_000_001n });
    const payer = countingAccount();

    const error = await p402Fetch(`${server.origin}/weather`, {
      wallet: payer.wallet, maxAmount: 1_000_000n, receiptStore: new MemoryReceiptStore(),
    }).catch((e: unknown) => e);

    assert.ok(error instanceof P402AmountExceededError);
    assert.ok(error instanceof P402Error);
    assert.equal(error.code, 'AMOUNT_EXCEEDED');
    assert.equal(error.amount, 1_000_001n);
    assert.equal(error.maxAmount, 1_000_000n);
    assert.equal(payer.signCalls, 0);
    assert.equal(server.requests.length, 1);
  });

  const malformed: [string, PaidServerOptions][] = [
    ['bad base64 in PAYMENT-REQUIRED', { rawPaymentRequiredHeader: '%%% not base64 %%%' }],
    ['base64 of something that is not JSON', { rawPaymentRequiredHeader: Buffer.from('{nope').toString('base64') }],
    ['no accepts', { v2Document: { x402Version: 2, resource: { url: 'http://x/' }, accepts: [] } }],
    ['an unsupported network only', {
      v2Document: { x402Version: 2, resource: { url: 'http://x/' }, accepts: [{ ...requirement, network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp' }] },
    }],
    ['an unsupported scheme only', { v2Document: { x402Version: 2, accepts: [{ ...requirement, scheme: 'upto' }] } }],
    ['a non-numeric amount', { v2Document: { x402Version: 2, accepts: [{ ...requirement, amount: '1e4' }] } }],
    ['a v1 body without accepts', { mode: 'v1', v1Body: { x402Version: 1, error: 'pay' } }],
    ['no 402 signal at all', { mode: 'v1', v1Body: { hello: 'world' } }],
  ];
  for (const [name, options] of malformed) {
    it(`throws P402InvalidRequirementsError for ${name}, without signing`, async () => {
      server = await startPaidServer(options);
      const payer = countingAccount();

      const error = await p402Fetch(`${server.origin}/weather`, {
        wallet: payer.wallet, maxAmount: 1_000_000n, receiptStore: new MemoryReceiptStore(),
      }).catch((e: unknown) => e);

      assert.ok(error instanceof P402InvalidRequirementsError, String(error));
      assert.equal(error.code, 'INVALID_REQUIREMENTS');
      assert.equal(payer.signCalls, 0);
      assert.equal(server.requests.length, 1);
    });
  }

  it('throws P402PaymentRejectedError with the errorReason when the paid retry gets 402', async () => {
    server = await startPaidServer({ refuseWith: 'invalid_exact_evm_insufficient_balance' });
    const store = new MemoryReceiptStore();

    const error = await p402Fetch(`${server.origin}/weather`, {
      wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 10000n, receiptStore: store,
    }).catch((e: unknown) => e);

    assert.ok(error instanceof P402PaymentRejectedError, String(error));
    assert.equal(error.code, 'PAYMENT_REJECTED');
    assert.equal(error.status, 402);
    assert.equal(error.errorReason, 'invalid_exact_evm_insufficient_balance');
    assert.equal(error.paymentResponse?.success, false);
    assert.equal(server.requests.length, 2);
    assert.equal(store.size, 0);
  });

  it('refuses a ReadableStream body before sending anything', async () => {
    const calls: unknown[] = [];
    const body = new ReadableStream({ start(controller) { controller.enqueue(new Uint8Array([1])); controller.close(); } });

    await assert.rejects(
      p402Fetch('https://api.example/upload', {
        method: 'POST', body, wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 1n,
        fetch: async (input) => { calls.push(input); return new Response(null); },
      }),
      (e: unknown) => e instanceof P402BodyNotReplayableError && e.code === 'BODY_NOT_REPLAYABLE' && /ReadableStream/.test(e.message),
    );
    assert.equal(calls.length, 0);
  });

  it('rejects missing or wrong options with typed errors', async () => {
    const wallet = privateKeyToAccount(PAYER_KEY);
    await assert.rejects(
      p402Fetch('https://api.example/', { wallet, maxAmount: 5 as unknown as bigint }),
      P402InvalidOptionsError,
    );
    await assert.rejects(
      p402Fetch('https://api.example/', { wallet, maxAmount: -1n }),
      P402InvalidOptionsError,
    );
    await assert.rejects(
      p402Fetch('https://api.example/', { wallet: { address: wallet.address } as unknown as P402Wallet, maxAmount: 1n }),
      P402InvalidWalletError,
    );
  });
});
