import { decodeBase64Json } from './base64.js';
import type { SettlementResponse } from './types.js';

export const PAYMENT_RESPONSE_HEADER = 'PAYMENT-RESPONSE';
export const X_PAYMENT_RESPONSE_HEADER = 'X-PAYMENT-RESPONSE';

/**
 * The decoded settlement response of a paid request: the `PAYMENT-RESPONSE` (v2) or
 * `X-PAYMENT-RESPONSE` (v1) header, base64 JSON. `undefined` when the response carries none (for example
 * it was served on a receipt, or was free) or when the header cannot be decoded.
 */
export function getPaymentResponse(response: Response | Headers): SettlementResponse | undefined {
  const headers = response instanceof Headers ? response : response.headers;
  const value = headers.get(PAYMENT_RESPONSE_HEADER) ?? headers.get(X_PAYMENT_RESPONSE_HEADER);
  if (value === null) {
    return undefined;
  }
  try {
    const decoded = decodeBase64Json(value);
    if (typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded)) {
      return decoded as SettlementResponse;
    }
  } catch {
    // A malformed header is reported as "no settlement response"; the HTTP status still tells the outcome.
  }
  return undefined;
}
