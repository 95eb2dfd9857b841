import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createWalletClient, custom } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  getPaymentResponse,
  MemoryReceiptStore,
  p402Fetch,
  type PaymentInfo,
} from '../src/index.js';
import { BASE_USDC, MERCHANT_ADDRESS, PAYER_ADDRESS, PAYER_KEY } from './helpers/design.js';
import { startPaidServer, type PaidServer } from './helpers/paidServer.js';
import { countingAccount } from './helpers/wallets.js';

describe('p402Fetch payment flow', () => {
  let server: PaidServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('v2: pays on 402 with PAYMENT-SIGNATURE and returns the retried response', async () => {
    server = await startPaidServer({ mode: 'v2', price: 10000n });
    const payer = countingAccount();

    const res = await p402Fetch(`${server.origin}/weather`, {
      wallet: payer.wallet, maxAmount: 1_000_000n, receiptStore: new MemoryReceiptStore(),
    });

    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { weather: 'sunny', paid: true, method: 'GET', body: '' });
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0]?.headers['payment-signature'], undefined);
    assert.equal(typeof server.requests[1]?.headers['payment-signature'], 'string');
    assert.equal(server.requests[1]?.headers['x-payment'], undefined);
    assert.equal(payer.signCalls, 1);
    const [payment] = server.payments;
    assert.equal(payment?.x402Version, 2);
    assert.equal(payment?.from, PAYER_ADDRESS);
    assert.equal(payment?.value, 10000n);
    const decoded = payment?.decoded as { resource?: { url?: string }; accepted?: Record<string, unknown> };
    assert.equal(decoded.resource?.url, `${server.origin}/weather`);
    assert.deepEqual(decoded.accepted, {
      scheme: 'exact', network: 'eip155:8453', amount: '10000', asset: BASE_USDC, payTo: MERCHANT_ADDRESS,
      maxTimeoutSeconds: 60, extra: { name: 'USD Coin', version: '2' },
    });
    const settlement = getPaymentResponse(res);
    assert.equal(settlement?.success, true);
    assert.equal(settlement?.network, 'eip155:8453');
    assert.equal(settlement?.payer, PAYER_ADDRESS);
  });

  it('v1: pays on a v1 402 body with X-PAYMENT', async () => {
    server = await startPaidServer({ mode: 'v1', price: 2500n });
    const payer = countingAccount();

    const res = await p402Fetch(`${server.origin}/weather`, {
      wallet: payer.wallet, maxAmount: 2500n, receiptStore: new MemoryReceiptStore(),
    });

    assert.equal(res.status, 200);
    assert.equal(typeof server.requests[1]?.headers['x-payment'], 'string');
    assert.equal(server.requests[1]?.headers['payment-signature'], undefined);
    const decoded = server.payments[0]?.decoded;
    assert.equal(decoded?.['x402Version'], 1);
    assert.equal(decoded?.['scheme'], 'exact');
    assert.equal(decoded?.['network'], 'base');
    assert.equal(server.payments[0]?.value, 2500n);
    assert.equal(getPaymentResponse(res)?.network, 'base');
  });

  it('x402Version 1 chooses v1 when the server offers both; the default chooses v2', async () => {
    server = await startPaidServer({ mode: 'both' });
    const options = { wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 10000n };

    await p402Fetch(`${server.origin}/v1`, { ...options, x402Version: 1, receiptStore: new MemoryReceiptStore() });
    await p402Fetch(`${server.origin}/v2`, { ...options, receiptStore: new MemoryReceiptStore() });

    assert.deepEqual(server.payments.map((p) => p.x402Version), [1, 2]);
  });

  it('replays the method, headers and a string or byte body on the paid retry', async () => {
    server = await startPaidServer();
    const bytes = new TextEncoder().encode('{"city":"Lisbon"}');

    const res = await p402Fetch(`${server.origin}/forecast`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
      body: bytes,
      wallet: privateKeyToAccount(PAYER_KEY),
      maxAmount: 10000n,
      receiptStore: new MemoryReceiptStore(),
    });
    bytes.fill(0);

    assert.equal(res.status, 200);
    assert.deepEqual(server.requests.map((r) => [r.method, r.body, r.headers['x-trace']]), [
      ['POST', '{"city":"Lisbon"}', 'abc'],
      ['POST', '{"city":"Lisbon"}', 'abc'],
    ]);

    const viaRequest = await p402Fetch(
      new Request(`${server.origin}/forecast2`, { method: 'PUT', body: 'plain text' }),
      { wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 10000n, receiptStore: new MemoryReceiptStore() },
    );
    assert.equal(viaRequest.status, 200);
    assert.deepEqual(server.requests.slice(2).map((r) => [r.method, r.body]), [
      ['PUT', 'plain text'],
      ['PUT', 'plain text'],
    ]);
  });

  it('pays with a viem WalletClient that has an account', async () => {
    server = await startPaidServer();
    const client = createWalletClient({
      account: privateKeyToAccount(PAYER_KEY),
      transport: custom({ request: () => Promise.reject(new Error('no RPC in this test')) }),
    });

    const res = await p402Fetch(`${server.origin}/weather`, {
      wallet: client, maxAmount: 10000n, receiptStore: new MemoryReceiptStore(),
    });

    assert.equal(res.status, 200);
    assert.equal(server.payments[0]?.from, PAYER_ADDRESS);
  });

  it('tells onPayment what it is about to pay, and an onPayment that throws sends nothing', async () => {
    server = await startPaidServer({ price: 7000n });
    const seen: PaymentInfo[] = [];
    await p402Fetch(`${server.origin}/weather/`, {
      wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 10000n, receiptStore: new MemoryReceiptStore(),
      onPayment: (info) => { seen.push(info); },
    });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.amount, 7000n);
    assert.equal(seen[0]?.chainId, 8453);
    assert.equal(seen[0]?.resource, `${server.origin}/weather`);
    assert.equal(seen[0]?.payer, PAYER_ADDRESS);

    const veto = new Error('budget spent');
    await assert.rejects(
      p402Fetch(`${server.origin}/other`, {
        wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 10000n, receiptStore: new MemoryReceiptStore(),
        onPayment: () => { throw veto; },
      }),
      veto,
    );
    assert.equal(server.payments.length, 1);
    assert.equal(server.requests.filter((r) => r.path === '/other').length, 1);
  });

  it('returns a response that is not 402 untouched, without signing', async () => {
    const payer = countingAccount();
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('free', { status: 200 });
    };

    const res = await p402Fetch('https://free.example/thing', { wallet: payer.wallet, maxAmount: 0n, fetch: fakeFetch });

    assert.equal(await res.text(), 'free');
    assert.deepEqual(calls, ['https://free.example/thing']);
    assert.equal(payer.signCalls, 0);
    assert.equal(getPaymentResponse(res), undefined);
  });
});

describe('p402Fetch after a lost answer', () => {
  let server: PaidServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends the identical payment (same payment id) once more and pays once', async () => {
    server = await startPaidServer({ mode: 'v2', price: 10000n, dropPaidAnswers: 1 });
    const payer = countingAccount();

    const res = await p402Fetch(`${server.origin}/weather`, {
      wallet: payer.wallet, maxAmount: 1_000_000n, receiptStore: new MemoryReceiptStore(),
    });

    assert.equal(res.status, 200);
    assert.equal(payer.signCalls, 1);
    assert.equal(server.payments.length, 1);
    const paid = server.requests.filter((r) => typeof r.headers['payment-signature'] === 'string');
    assert.equal(paid.length, 2);
    assert.equal(paid[0]?.headers['payment-signature'], paid[1]?.headers['payment-signature']);
    const decoded = server.payments[0]?.decoded as { extensions?: { 'payment-identifier'?: { info?: { id?: string } } } };
    assert.match(decoded.extensions?.['payment-identifier']?.info?.id ?? '', /^pay_[0-9a-f]{32}$/);
    assert.equal(getPaymentResponse(res)?.success, true);
  });

  it('gives up after the second lost answer instead of paying again', async () => {
    server = await startPaidServer({ mode: 'v2', price: 10000n, dropPaidAnswers: 2 });
    const payer = countingAccount();

    await assert.rejects(p402Fetch(`${server.origin}/weather`, {
      wallet: payer.wallet, maxAmount: 1_000_000n, receiptStore: new MemoryReceiptStore(),
    }), TypeError);
    assert.equal(payer.signCalls, 1);
    assert.equal(server.requests.filter((r) => typeof r.headers['payment-signature'] === 'string').length, 2);
  });
});
