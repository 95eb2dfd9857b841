import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyPayment, type VerifiedPayment } from './verifyPayment.js';
import { BASE_USDC, MERCHANT_ADDRESS } from './design.js';

/** A request as the paid endpoint saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface PaidServerOptions {
  /** Which 402 signal to send: the v2 header, the v1 body, or both. Default `v2`. */
  mode?: 'v2' | 'v1' | 'both';
  /** Price in atomic units. Default 10000 ($0.01). */
  price?: bigint;
  /** Issue a receipt on every settled payment. Default true. */
  issueReceipts?: boolean;
  /** Raw `PAYMENT-REQUIRED` header value to send instead of the real one. */
  rawPaymentRequiredHeader?: string;
  /** A v2 document to send (base64-encoded) instead of the real one. */
  v2Document?: unknown;
  /** A v1 body to send instead of the real one. */
  v1Body?: unknown;
  /** Refuse every payment with this x402 errorReason. */
  refuseWith?: string;
  /**
   * Settle the first N paid requests and then drop their connection instead of answering. A resend of the same
   * header (the same payment id) is answered as the dropped one would have been, like a facilitator with x402's
   * payment-identifier.
   */
  dropPaidAnswers?: number;
}

export interface PaidServer {
  readonly origin: string;
  readonly requests: SeenRequest[];
  readonly payments: VerifiedPayment[];
  /** Receipts issued, by id. */
  readonly receipts: Map<string, { path: string; revoked: boolean }>;
  revoke(receiptId: string): void;
  close(): Promise<void>;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

function requirementsFor(origin: string, path: string, price: bigint) {
  const common = {
    scheme: 'exact',
    asset: BASE_USDC,
    payTo: MERCHANT_ADDRESS,
    maxTimeoutSeconds: 60,
    extra: { name: 'USD Coin', version: '2' },
  };
  const url = `${origin}${path}`;
  return {
    v2: {
      x402Version: 2,
      error: 'payment_required',
      resource: { url, description: 'Weather report', mimeType: 'application/json' },
      accepts: [{ ...common, network: 'eip155:8453', amount: price.toString() }],
    },
    v1: {
      x402Version: 1,
      error: 'X-PAYMENT header is required',
      accepts: [{
        ...common, network: 'base', maxAmountRequired: price.toString(), resource: url,
        description: 'Weather report', mimeType: 'application/json',
      }],
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a paid endpoint on 127.0.0.1 (a free port) that checks payments for real (signature, amount, time). */
export async function startPaidServer(options: PaidServerOptions = {}): Promise<PaidServer> {
  const mode = options.mode ?? 'v2';
  const price = options.price ?? 10000n;
  const requests: SeenRequest[] = [];
  const payments: VerifiedPayment[] = [];
  const receipts = new Map<string, { path: string; revoked: boolean }>();
  const usedNonces = new Set<string>();
  const lostAnswers = new Map<string, Record<string, string>>();
  let dropsLeft = options.dropPaidAnswers ?? 0;
  let origin = '';

  function paymentRequired(res: ServerResponse, path: string, extraHeaders: Record<string, string> = {}): void {
    const docs = requirementsFor(origin, path, price);
    res.statusCode = 402;
    res.setHeader('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(extraHeaders)) {
      res.setHeader(name, value);
    }
    if (mode !== 'v1') {
      res.setHeader('PAYMENT-REQUIRED', options.rawPaymentRequiredHeader ?? b64(options.v2Document ?? docs.v2));
    }
    res.end(JSON.stringify(mode === 'v2' ? {} : (options.v1Body ?? docs.v1)));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Receipts are bound to the resource path as the real server normalises it: no trailing slash.
    const path = new URL(req.url ?? '/', origin).pathname.replace(/(?<=.)\/+$/, '');
    const body = await readBody(req);
    requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, body });
    const ok = (extra: Record<string, string>, paid: boolean): void => {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json');
      for (const [name, value] of Object.entries(extra)) {
        res.setHeader(name, value);
      }
      res.end(JSON.stringify({ weather: 'sunny', paid, method: req.method, body }));
    };

    const receiptId = req.headers['p402-receipt'];
    if (typeof receiptId === 'string') {
      const receipt = receipts.get(receiptId);
      if (receipt !== undefined && !receipt.revoked && receipt.path === path) {
        ok({}, false);
        return;
      }
      paymentRequired(res, path);
      return;
    }

    const v2Header = req.headers['payment-signature'];
    const v1Header = req.headers['x-payment'];
    const header = typeof v2Header === 'string' ? v2Header : typeof v1Header === 'string' ? v1Header : undefined;
    if (header === undefined) {
      paymentRequired(res, path);
      return;
    }
    const lost = lostAnswers.get(header);
    if (lost !== undefined) {
      if (dropsLeft > 0) {
        dropsLeft -= 1;
        req.socket.destroy();
        return;
      }
      ok(lost, true);
      return;
    }
    const version = typeof v2Header === 'string' ? 2 : 1;
    const docs = requirementsFor(origin, path, price);
    const expected = version === 2 ? docs.v2.accepts[0] : docs.v1.accepts[0];
    const result = options.refuseWith !== undefined
      ? { ok: false as const, errorReason: options.refuseWith }
      : await verifyPayment(header, version, expected!, price, usedNonces);
    const responseHeader = version === 2 ? 'PAYMENT-RESPONSE' : 'X-PAYMENT-RESPONSE';
    if (!result.ok) {
      const settlement = { success: false, errorReason: result.errorReason, transaction: '', network: expected!.network, payer: '' };
      paymentRequired(res, path, { [responseHeader]: b64(settlement) });
      return;
    }
    payments.push(result.payment);
    const transaction = `0x${randomBytes(32).toString('hex')}`;
    const extra: Record<string, string> = {
      [responseHeader]: b64({ success: true, transaction, network: expected!.network, payer: result.payment.from }),
    };
    if (options.issueReceipts ?? true) {
      const id = `rcpt_${randomBytes(13).toString('hex').toUpperCase()}`;
      receipts.set(id, { path, revoked: false });
      extra['P402-Receipt'] = id;
      extra['P402-Receipt-Expires'] = new Date(Date.now() + 3_600_000).toISOString();
    }
    if (dropsLeft > 0) {
      dropsLeft -= 1;
      lostAnswers.set(header, extra);
      req.socket.destroy();
      return;
    }
    ok(extra, true);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    payments,
    receipts,
    revoke(receiptId) {
      const receipt = receipts.get(receiptId);
      if (receipt === undefined) {
        throw new Error(`unknown receipt ${receiptId}`);
      }
      receipt.revoked = true;
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
