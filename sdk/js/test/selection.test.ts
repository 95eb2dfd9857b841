import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { privateKeyToAccount } from 'viem/accounts';
import {
  chainIdOf,
  decodeBase64Json,
  encodeBase64Json,
  MemoryReceiptStore,
  p402Fetch,
  P402AmountExceededError,
  P402InvalidRequirementsError,
  type PaymentPayloadV2,
} from '../src/index.js';
import { BASE_SEPOLIA_USDC, BASE_USDC, MERCHANT_ADDRESS, PAYER_KEY } from './helpers/design.js';

const base = {
  scheme: 'exact', network: 'eip155:8453', amount: '10000', asset: BASE_USDC, payTo: MERCHANT_ADDRESS,
  maxTimeoutSeconds: 60, extra: { name: 'USD Coin', version: '2' },
};
const sepolia = { ...base, network: 'eip155:84532', asset: BASE_SEPOLIA_USDC, extra: { name: 'USDC', version: '2' } };

/** A fetch that answers 402 with these requirements, then 200, and records the payment it got. */
function fakeServer(accepts: unknown[]) {
  const paid: PaymentPayloadV2[] = [];
  const fetchImpl: typeof fetch = async (_input, init) => {
    const header = new Headers(init?.headers).get('PAYMENT-SIGNATURE');
    if (header !== null) {
      paid.push(decodeBase64Json(header) as PaymentPayloadV2);
      return new Response('paid');
    }
    const required = encodeBase64Json({ x402Version: 2, resource: { url: 'https://api.example/r' }, accepts });
    return new Response('{}', { status: 402, headers: { 'PAYMENT-REQUIRED': required } });
  };
  return { fetchImpl, paid };
}

const options = { wallet: privateKeyToAccount(PAYER_KEY), receiptStore: new MemoryReceiptStore() };

describe('choosing a requirement', () => {
  it('takes the first payable one in the server\'s order, skipping others it cannot pay', async () => {
    const { fetchImpl, paid } = fakeServer([{ ...base, network: 'solana:mainnet' }, sepolia, base]);

    await p402Fetch('https://api.example/r', { ...options, maxAmount: 10000n, fetch: fetchImpl });

    assert.equal(paid[0]?.accepted.network, 'eip155:84532');
  });

  it('honours the networks and assets filters', async () => {
    const { fetchImpl, paid } = fakeServer([sepolia, base]);

    await p402Fetch('https://api.example/r', { ...options, maxAmount: 10000n, fetch: fetchImpl, networks: ['base'] });
    await p402Fetch('https://api.example/r', { ...options, maxAmount: 10000n, fetch: fetchImpl, assets: [BASE_USDC.toLowerCase()] });

    assert.deepEqual(paid.map((p) => p.accepted.network), ['eip155:8453', 'eip155:8453']);
    await assert.rejects(
      p402Fetch('https://api.example/r', { ...options, maxAmount: 10000n, fetch: fetchImpl, networks: ['eip155:1'] }),
      P402InvalidRequirementsError,
    );
  });

  it('takes the first affordable one, and names the cheapest price when none is', async () => {
    const { fetchImpl, paid } = fakeServer([{ ...base, amount: '50000' }, { ...sepolia, amount: '20000' }]);

    await p402Fetch('https://api.example/r', { ...options, maxAmount: 20000n, fetch: fetchImpl });
    const error = await p402Fetch('https://api.example/r', { ...options, maxAmount: 19999n, fetch: fetchImpl }).catch((e: unknown) => e);

    assert.equal(paid[0]?.accepted.amount, '20000');
    assert.ok(error instanceof P402AmountExceededError);
    assert.equal(error.amount, 20000n);
    assert.equal(error.network, 'eip155:84532');
  });
});

describe('networks', () => {
  it('maps CAIP-2 and v1 names to chain ids', () => {
    assert.equal(chainIdOf('eip155:8453'), 8453);
    assert.equal(chainIdOf('base'), 8453);
    assert.equal(chainIdOf('base-sepolia'), 84532);
    assert.equal(chainIdOf('eip155:84532'), 84532);
    assert.equal(chainIdOf('solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp'), undefined);
    assert.equal(chainIdOf('eip155:'), undefined);
    assert.equal(chainIdOf('toString'), undefined);
  });
});

describe('base64 JSON', () => {
  it('round-trips UTF-8 with the standard alphabet and padding', () => {
    const value = { description: 'Météo ☀ ≥ 1€', n: '10000' };
    const encoded = encodeBase64Json(value);

    assert.equal(encoded, Buffer.from(JSON.stringify(value), 'utf8').toString('base64'));
    assert.deepEqual(decodeBase64Json(encoded), value);
    assert.throws(() => decodeBase64Json('ab$d'), /base64/);
    assert.throws(() => decodeBase64Json(Buffer.from('{x').toString('base64')), /JSON/);
  });
});
