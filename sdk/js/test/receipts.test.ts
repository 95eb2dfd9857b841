import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { privateKeyToAccount } from 'viem/accounts';
import { MemoryReceiptStore, normalizeResourceUrl, p402Fetch, type ReceiptStore } from '../src/index.js';
import { PAYER_KEY } from './helpers/design.js';
import { startPaidServer, type PaidServer } from './helpers/paidServer.js';
import { countingAccount } from './helpers/wallets.js';

describe('receipts', () => {
  let server: PaidServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('stores the receipt of a payment and presents it next time instead of paying', async () => {
    server = await startPaidServer();
    const payer = countingAccount();
    const store = new MemoryReceiptStore();
    const options = { wallet: payer.wallet, maxAmount: 10000n, receiptStore: store };

    const first = await p402Fetch(`${server.origin}/weather`, options);
    const receiptId = first.headers.get('P402-Receipt');
    const second = await p402Fetch(`${server.origin}/weather`, options);

    assert.match(receiptId ?? '', /^rcpt_/);
    assert.equal(store.get(`${server.origin}/weather`), receiptId);
    assert.equal(second.status, 200);
    assert.equal(((await second.json()) as { paid: boolean }).paid, false);
    assert.equal(server.requests.length, 3);
    assert.equal(server.requests[2]?.headers['p402-receipt'], receiptId);
    assert.equal(server.requests[2]?.headers['payment-signature'], undefined);
    assert.equal(server.payments.length, 1);
    assert.equal(payer.signCalls, 1);
  });

  it('keys receipts by the normalised resource URL', async () => {
    server = await startPaidServer();
    const store = new MemoryReceiptStore();
    const options = { wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 10000n, receiptStore: store };
    const upper = server.origin.replace('http://', 'HTTP://');

    await p402Fetch(`${upper}/weather/#today`, options);
    await p402Fetch(`${server.origin}/weather`, options);

    assert.equal(server.payments.length, 1);
    assert.equal(typeof server.requests[2]?.headers['p402-receipt'], 'string');
  });

  it('drops a refused receipt and pays again by itself', async () => {
    server = await startPaidServer();
    const payer = countingAccount();
    const store = new MemoryReceiptStore();
    const options = { wallet: payer.wallet, maxAmount: 10000n, receiptStore: store };
    const first = await p402Fetch(`${server.origin}/weather`, options);
    const oldReceipt = first.headers.get('P402-Receipt') ?? '';
    server.revoke(oldReceipt);

    const again = await p402Fetch(`${server.origin}/weather`, options);

    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { paid: boolean }).paid, true);
    assert.equal(server.requests[2]?.headers['p402-receipt'], oldReceipt);
    assert.equal(server.requests[3]?.headers['p402-receipt'], undefined);
    assert.equal(typeof server.requests[3]?.headers['payment-signature'], 'string');
    assert.equal(server.payments.length, 2);
    assert.equal(payer.signCalls, 2);
    const newReceipt = store.get(`${server.origin}/weather`);
    assert.match(newReceipt ?? '', /^rcpt_/);
    assert.notEqual(newReceipt, oldReceipt);
  });

  it('works with an asynchronous custom store and deletes the refused receipt from it', async () => {
    server = await startPaidServer({ issueReceipts: false });
    const calls: string[] = [];
    const store: ReceiptStore = {
      get: async (resource) => { calls.push(`get ${resource}`); return 'rcpt_STALE'; },
      set: async (resource, id) => { calls.push(`set ${resource} ${id}`); },
      delete: async (resource) => { calls.push(`delete ${resource}`); },
    };

    const res = await p402Fetch(`${server.origin}/a?x=1`, { wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 10000n, receiptStore: store });

    assert.equal(res.status, 200);
    assert.deepEqual(calls, [`get ${server.origin}/a?x=1`, `delete ${server.origin}/a?x=1`]);
  });

  it('stores a receipt from a response that is not 402, with its expiry', async () => {
    const store = new MemoryReceiptStore({ clock: () => Date.parse('2030-01-01T00:00:00Z') });
    const fakeFetch: typeof fetch = async () => new Response('ok', {
      headers: { 'P402-Receipt': 'rcpt_01J9Z', 'P402-Receipt-Expires': '2030-01-01T00:00:30Z' },
    });

    await p402Fetch('https://api.example/x', { wallet: privateKeyToAccount(PAYER_KEY), maxAmount: 0n, fetch: fakeFetch, receiptStore: store });

    assert.equal(store.get('https://api.example/x'), 'rcpt_01J9Z');
  });
});

describe('MemoryReceiptStore', () => {
  it('forgets a receipt once its expiry has passed', () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const store = new MemoryReceiptStore({ clock: () => now });
    store.set('https://a/x', 'rcpt_A', new Date('2030-01-01T00:01:00Z'));
    store.set('https://a/y', 'rcpt_B');

    assert.equal(store.get('https://a/x'), 'rcpt_A');
    now += 60_000;
    assert.equal(store.get('https://a/x'), undefined);
    assert.equal(store.get('https://a/y'), 'rcpt_B');
    store.delete('https://a/y');
    assert.equal(store.get('https://a/y'), undefined);
  });
});

describe('normalizeResourceUrl', () => {
  const cases: [string, string][] = [
    ['HTTPS://API.Example.COM:443/Weather/?q=Lisbon&Units=C#now', 'https://api.example.com/Weather?q=Lisbon&Units=C'],
    ['http://example.com:80/', 'http://example.com/'],
    ['http://example.com', 'http://example.com/'],
    ['http://example.com:8080/a/b/', 'http://example.com:8080/a/b'],
    ['https://example.com:80/x', 'https://example.com:80/x'],
    ['https://example.com/x?b=2&a=1', 'https://example.com/x?b=2&a=1'],
    ['https://user:pw@example.com/x', 'https://example.com/x'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      assert.equal(normalizeResourceUrl(input), expected);
    });
  }
});
