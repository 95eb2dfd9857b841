#!/usr/bin/env node
// A resource server as an x402 user builds it with the reference packages (@x402/express, @x402/core,
// @x402/evm), with P402 as its facilitator. P402.Tests starts it against the app under test; it listens on a
// loopback port of its own choosing and prints one line, {"port":N}, once it serves.
//
//   P402_URL=http://127.0.0.1:5402 P402_API_KEY=p402_test_… PAY_TO=0x… node interop/x402-express-server.mjs
// GET /weather costs PRICE atomic units (default 10000) of Base USDC.
import express from 'express';
import { paymentMiddleware, x402ResourceServer } from '@x402/express';
import { HTTPFacilitatorClient } from '@x402/core/server';
import { ExactEvmScheme } from '@x402/evm/exact/server';

const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const { P402_URL: url, P402_API_KEY: apiKey, PAY_TO: payTo } = process.env;
if (!url || !apiKey || !payTo) {
  console.error('P402_URL, P402_API_KEY and PAY_TO are required.');
  process.exit(2);
}
const authorization = { Authorization: `Bearer ${apiKey}` };
const facilitator = new HTTPFacilitatorClient({
  url,
  createAuthHeaders: async () => ({ verify: authorization, settle: authorization, supported: authorization }),
});
const server = new x402ResourceServer(facilitator).register('eip155:8453', new ExactEvmScheme());

const app = express();
app.use(paymentMiddleware({
  'GET /weather': {
    accepts: {
      scheme: 'exact',
      network: 'eip155:8453',
      payTo,
      price: { amount: process.env.PRICE ?? '10000', asset: BASE_USDC, extra: { name: 'USD Coin', version: '2' } },
      maxTimeoutSeconds: 60,
    },
    description: 'Weather',
    mimeType: 'application/json',
  },
}, server));
app.get('/weather', (_req, res) => {
  res.json({ city: 'Lisbon', forecast: 'sunny', paid: true });
});

const listener = app.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: listener.address().port }));
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => listener.close(() => process.exit(0)));
}
