#!/usr/bin/env node
// Pays an x402 endpoint with the built SDK (../dist), for P402's .NET end-to-end tests and for trying the
// demo by hand. One JSON line per p402Fetch call on stdout:
//   {"request":1,"status":200,"paymentResponse":{…}|null,"receipt":"rcpt_…"|null,"receiptExpires":…,"body":…,
//    "signatures":1,"payments":[{x402Version,network,amount,payTo,nonce}],"exchanges":[{sent,status,received}]}
//   {"request":1,"error":{"name":"P402AmountExceededError","code":"AMOUNT_EXCEEDED","message":…,…},"signatures":0,…}
// `signatures` counts the wallet's signTypedData calls since the start of the run; `payments` and `exchanges`
// (the x402/P402 header names of each HTTP round trip the SDK made) belong to that call.
// Receipts persist in a JSON file between runs (--store). The payer key comes from P402_PAYER_KEY (or --key).
//
//   node sdk/js/e2e/pay.mjs --url 'http://127.0.0.1:5402/demo/weather?city=Lisbon' --max 10000 \
//        [--x402-version 1|2] [--count 2] [--store receipts.json]
// With --smart-account-factory ADDR --salt BYTES32 --rpc URL the key owns a smart account on the dev chain
// (e2e/devSmartAccount.mjs) and that account pays, deployed or not.
import { parseArgs } from 'node:util';
import { createPublicClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { base } from 'viem/chains';
import { getPaymentResponse, p402Fetch, P402Error } from '../dist/index.js';
import { toDevSmartAccount } from './devSmartAccount.mjs';
import { FileReceiptStore } from './fileReceiptStore.mjs';

// Anvil's public account 1, funded with dev USDC by ./run.sh; worthless anywhere else.
const ANVIL_PAYER_1 = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    max: { type: 'string', default: '10000' },
    'x402-version': { type: 'string', default: '2' },
    count: { type: 'string', default: '1' },
    store: { type: 'string' },
    'smart-account-factory': { type: 'string' },
    salt: { type: 'string' },
    rpc: { type: 'string' },
  },
});
if (!values.url) {
  console.error('usage: pay.mjs --url URL [--max ATOMIC_UNITS] [--x402-version 1|2] [--count N] [--store FILE]');
  process.exit(2);
}

const owner = privateKeyToAccount(values.key ?? process.env.P402_PAYER_KEY ?? ANVIL_PAYER_1);
const account = values['smart-account-factory']
  ? await toDevSmartAccount({
    client: createPublicClient({ chain: base, transport: http(values.rpc) }),
    owner,
    factory: values['smart-account-factory'],
    salt: values.salt,
  })
  : owner;
let signatures = 0;
// The account as the SDK sees it, counting signatures: "nothing was signed" is then observable.
const wallet = {
  address: account.address,
  signTypedData: (request) => {
    signatures += 1;
    return account.signTypedData(request);
  },
};
const receiptStore = values.store ? new FileReceiptStore(values.store) : undefined;

const TRACED = ['payment-signature', 'x-payment', 'p402-receipt', 'payment-required', 'payment-response',
  'x-payment-response', 'p402-receipt-expires'];
const named = (headers) => TRACED.filter((name) => headers.has(name));
let exchanges = [];
let payments = [];
const tracingFetch = async (url, init) => {
  const response = await fetch(url, init);
  exchanges.push({ sent: named(new Headers(init?.headers)), status: response.status, received: named(response.headers) });
  return response;
};
const onPayment = (info) => {
  payments.push({
    x402Version: info.x402Version,
    network: info.network,
    amount: info.amount.toString(),
    payTo: info.payTo,
    nonce: info.payload.payload.authorization.nonce,
  });
};

const count = Number.parseInt(values.count, 10);
let failed = false;
for (let request = 1; request <= count; request += 1) {
  exchanges = [];
  payments = [];
  try {
    const response = await p402Fetch(values.url, {
      wallet,
      maxAmount: BigInt(values.max),
      x402Version: Number.parseInt(values['x402-version'], 10),
      fetch: tracingFetch,
      onPayment,
      ...(receiptStore ? { receiptStore } : {}),
    });
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    console.log(JSON.stringify({
      request,
      status: response.status,
      paymentResponse: getPaymentResponse(response) ?? null,
      receipt: response.headers.get('P402-Receipt'),
      receiptExpires: response.headers.get('P402-Receipt-Expires'),
      body,
      signatures,
      payments,
      exchanges,
    }));
  } catch (error) {
    if (!(error instanceof P402Error)) {
      failed = true;
    }
    console.log(JSON.stringify({ request, error: describe(error), signatures, payments, exchanges }));
  }
}
process.exit(failed ? 1 : 0);

function describe(error) {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error) };
  }
  const fields = { name: error.name, message: error.message };
  for (const [key, value] of Object.entries(error)) {
    fields[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return fields;
}
