import { decodeBase64Json } from './base64.js';
import { P402InvalidRequirementsError } from './errors.js';
import { toOffer, type PaymentOffer } from './offer.js';
import type { ResourceInfo } from './types.js';

/** A 402 answer, decoded: the offers this SDK can pay, and why the others were left out. */
export interface DecodedPaymentRequired {
  x402Version: 1 | 2;
  error: string | undefined;
  /** v2's top-level `resource` (absent in v1). */
  resource: ResourceInfo | undefined;
  offers: PaymentOffer[];
  /** One line per requirement this SDK cannot pay. */
  skipped: string[];
}

export const PAYMENT_REQUIRED_HEADER = 'PAYMENT-REQUIRED';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes a v2 `PAYMENT-REQUIRED` header value, or a v1 402 body already parsed from JSON. */
export function decodePaymentRequired(document: unknown, x402Version: 1 | 2): DecodedPaymentRequired {
  const where = x402Version === 2 ? `the ${PAYMENT_REQUIRED_HEADER} header` : 'the 402 body';
  if (!isObject(document)) {
    throw new P402InvalidRequirementsError(`${where} is not a JSON object.`);
  }
  if (document['x402Version'] !== x402Version) {
    throw new P402InvalidRequirementsError(
      `${where} has x402Version ${JSON.stringify(document['x402Version'])}, expected ${x402Version}.`,
    );
  }
  const accepts = document['accepts'];
  if (!Array.isArray(accepts) || accepts.length === 0) {
    throw new P402InvalidRequirementsError(`${where} lists no payment requirements (accepts).`);
  }
  const offers: PaymentOffer[] = [];
  const skipped: string[] = [];
  accepts.forEach((raw, index) => {
    const offer = toOffer(raw, x402Version);
    if (typeof offer === 'string') {
      skipped.push(`accepts[${index}]: ${offer}`);
    } else {
      offers.push(offer);
    }
  });
  const resource = document['resource'];
  const error = document['error'];
  return {
    x402Version,
    error: typeof error === 'string' && error.length > 0 ? error : undefined,
    resource: isObject(resource) && typeof resource['url'] === 'string' ? (resource as ResourceInfo) : undefined,
    offers,
    skipped,
  };
}

function decodeHeader(value: string): DecodedPaymentRequired {
  let document: unknown;
  try {
    document = decodeBase64Json(value);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new P402InvalidRequirementsError(`The ${PAYMENT_REQUIRED_HEADER} header is ${reason}.`, { cause });
  }
  return decodePaymentRequired(document, 2);
}

async function readBodyJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads the payment requirements of a 402 response (consuming its body). v2 comes from the
 * `PAYMENT-REQUIRED` header, v1 from the JSON body. With `preferred` 1 the v1 body wins when the server
 * offers both; otherwise the v2 header wins.
 */
export async function readPaymentRequired(response: Response, preferred: 1 | 2): Promise<DecodedPaymentRequired> {
  const header = response.headers.get(PAYMENT_REQUIRED_HEADER);
  if (header !== null && preferred === 2) {
    await response.body?.cancel().catch(() => undefined);
    return decodeHeader(header);
  }
  const body = await readBodyJson(response);
  if (isObject(body) && body['x402Version'] === 1) {
    return decodePaymentRequired(body, 1);
  }
  if (header !== null) {
    return decodeHeader(header);
  }
  throw new P402InvalidRequirementsError(
    `The 402 response has neither a ${PAYMENT_REQUIRED_HEADER} header (x402 v2) nor an x402 v1 JSON body.`,
  );
}
