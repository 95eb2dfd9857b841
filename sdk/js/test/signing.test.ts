import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainSeparator, hashStruct, hashTypedData, parseSignature, recoverTypedDataAddress, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  createPaymentHeader,
  decodeBase64Json,
  TRANSFER_WITH_AUTHORIZATION_TYPES,
  type PaymentPayloadV1,
  type PaymentPayloadV2,
  type PaymentRequirementsV1,
  type PaymentRequirementsV2,
} from '../src/index.js';
import { BASE_USDC, BASE_USDC_DOMAIN, KNOWN_ANSWER, MERCHANT_ADDRESS, PAYER_ADDRESS, PAYER_KEY } from './helpers/design.js';

const v2Requirement: PaymentRequirementsV2 = {
  scheme: 'exact', network: 'eip155:8453', amount: '10000', asset: BASE_USDC, payTo: MERCHANT_ADDRESS,
  maxTimeoutSeconds: 120, extra: { name: 'USD Coin', version: '2' },
};
const v1Requirement: PaymentRequirementsV1 = {
  scheme: 'exact', network: 'base', maxAmountRequired: '10000', resource: 'https://api.example/weather',
  description: 'Weather', mimeType: 'application/json', payTo: MERCHANT_ADDRESS, maxTimeoutSeconds: 120,
  asset: BASE_USDC, extra: { name: 'USD Coin', version: '2' },
};

describe('EIP-3009 signing', () => {
  it('matches DESIGN.md\'s known answer (domain separator, struct hash, digest, r, s, v)', async () => {
    const header = await createPaymentHeader(v2Requirement, privateKeyToAccount(PAYER_KEY), {
      validAfter: KNOWN_ANSWER.validAfter, validBefore: KNOWN_ANSWER.validBefore, nonce: KNOWN_ANSWER.nonce,
    });
    const { signature, authorization } = header.payload.payload;
    const message = {
      from: PAYER_ADDRESS, to: MERCHANT_ADDRESS, value: KNOWN_ANSWER.value,
      validAfter: KNOWN_ANSWER.validAfter, validBefore: KNOWN_ANSWER.validBefore, nonce: KNOWN_ANSWER.nonce,
    };

    assert.equal(domainSeparator({ domain: BASE_USDC_DOMAIN }), KNOWN_ANSWER.domainSeparator);
    assert.equal(
      hashStruct({ data: message, primaryType: 'TransferWithAuthorization', types: TRANSFER_WITH_AUTHORIZATION_TYPES }),
      KNOWN_ANSWER.structHash,
    );
    assert.equal(
      hashTypedData({ domain: BASE_USDC_DOMAIN, types: TRANSFER_WITH_AUTHORIZATION_TYPES, primaryType: 'TransferWithAuthorization', message }),
      KNOWN_ANSWER.digest,
    );
    const parsed = parseSignature(signature as Hex);
    assert.equal(parsed.r, KNOWN_ANSWER.r);
    assert.equal(parsed.s, KNOWN_ANSWER.s);
    assert.equal(parsed.v, 27n);
    assert.equal(signature.length, 2 + 65 * 2);
    assert.equal(signature.slice(-2), '1b');
    assert.deepEqual(authorization, {
      from: PAYER_ADDRESS, to: MERCHANT_ADDRESS, value: '10000', validAfter: '0', validBefore: '1900000000',
      nonce: KNOWN_ANSWER.nonce,
    });
  });

  it('signs under the Base USDC domain: the signature recovers to the payer', async () => {
    const header = await createPaymentHeader(v2Requirement, privateKeyToAccount(PAYER_KEY));
    const { signature, authorization: a } = header.payload.payload;

    const signer = await recoverTypedDataAddress({
      domain: BASE_USDC_DOMAIN,
      types: TRANSFER_WITH_AUTHORIZATION_TYPES,
      primaryType: 'TransferWithAuthorization',
      message: {
        from: a.from as Hex, to: a.to as Hex, value: BigInt(a.value), validAfter: BigInt(a.validAfter),
        validBefore: BigInt(a.validBefore), nonce: a.nonce as Hex,
      },
      signature: signature as Hex,
    });
    assert.equal(signer, PAYER_ADDRESS);
  });

  it('builds the v2 PAYMENT-SIGNATURE header: base64 JSON {x402Version:2, resource, accepted, payload, extensions}', async () => {
    const resource = { url: 'https://api.example/weather', description: 'Weather' };
    const header = await createPaymentHeader(v2Requirement, privateKeyToAccount(PAYER_KEY), { resource });

    assert.equal(header.name, 'PAYMENT-SIGNATURE');
    assert.match(header.value, /^[A-Za-z0-9+/]+={0,2}$/);
    assert.equal(header.value.length % 4, 0);
    const decoded = JSON.parse(Buffer.from(header.value, 'base64').toString('utf8')) as PaymentPayloadV2;
    assert.deepEqual(Object.keys(decoded), ['x402Version', 'resource', 'accepted', 'payload', 'extensions']);
    assert.equal(decoded.x402Version, 2);
    assert.deepEqual(decoded.extensions, { 'payment-identifier': { info: { required: false, id: header.paymentId } } });
    assert.match(header.paymentId, /^pay_[0-9a-f]{32}$/);
    assert.deepEqual(decoded.resource, resource);
    assert.deepEqual(decoded.accepted, v2Requirement);
    assert.deepEqual(decodeBase64Json(header.value), decoded);
  });

  it('builds the v1 X-PAYMENT header: base64 JSON {x402Version:1, scheme, network, payload, extensions}', async () => {
    const header = await createPaymentHeader(v1Requirement, privateKeyToAccount(PAYER_KEY));

    assert.equal(header.name, 'X-PAYMENT');
    const decoded = JSON.parse(Buffer.from(header.value, 'base64').toString('utf8')) as PaymentPayloadV1;
    assert.deepEqual(Object.keys(decoded), ['x402Version', 'scheme', 'network', 'payload', 'extensions']);
    assert.equal(decoded.x402Version, 1);
    assert.deepEqual(decoded.extensions, { 'payment-identifier': { info: { required: false, id: header.paymentId } } });
    assert.equal(decoded.scheme, 'exact');
    assert.equal(decoded.network, 'base');
    assert.equal(decoded.payload.authorization.value, '10000');
  });

  it('sets validAfter to now − 600 and validBefore to now + maxTimeoutSeconds, from the clock', async () => {
    const clock = (): number => 1_700_000_000_123;
    const header = await createPaymentHeader(v2Requirement, privateKeyToAccount(PAYER_KEY), { clock });
    const { validAfter, validBefore, nonce } = header.payload.payload.authorization;

    assert.equal(validAfter, '1699999400');
    assert.equal(validBefore, '1700000120');
    assert.match(nonce, /^0x[0-9a-f]{64}$/);

    const custom = await createPaymentHeader(v2Requirement, privateKeyToAccount(PAYER_KEY), { clock, validForSeconds: 30 });
    assert.equal(custom.payload.payload.authorization.validBefore, '1700000030');
    assert.notEqual(custom.payload.payload.authorization.nonce, nonce);
  });

  it('never makes validAfter negative', async () => {
    const header = await createPaymentHeader(v2Requirement, privateKeyToAccount(PAYER_KEY), { clock: () => 100_000 });

    assert.equal(header.payload.payload.authorization.validAfter, '0');
    assert.equal(header.payload.payload.authorization.validBefore, '220');
  });
});
