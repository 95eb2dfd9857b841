import { decodeBase64Json } from './base64.js';
import { P402PaymentRejectedError } from './errors.js';
import { PAYMENT_REQUIRED_HEADER } from './paymentRequired.js';
import { getPaymentResponse } from './settlement.js';

function errorOf(document: unknown): string | undefined {
  if (typeof document === 'object' && document !== null) {
    const error = (document as Record<string, unknown>)['error'];
    if (typeof error === 'string' && error.length > 0) {
      return error;
    }
  }
  return undefined;
}

/** Why the server said 402 again: the new requirements' `error`, from the header or the v1 body. */
async function requirementsError(response: Response): Promise<string | undefined> {
  const header = response.headers.get(PAYMENT_REQUIRED_HEADER);
  let fromHeader: string | undefined;
  if (header !== null) {
    try {
      fromHeader = errorOf(decodeBase64Json(header));
    } catch {
      fromHeader = undefined;
    }
  }
  if (fromHeader !== undefined) {
    await response.body?.cancel().catch(() => undefined);
    return fromHeader;
  }
  try {
    return errorOf(JSON.parse(await response.text()) as unknown);
  } catch {
    return undefined;
  }
}

/** Builds the error for a paid retry that was answered 402 (consuming the response body). */
export async function rejectPayment(response: Response, resource: string): Promise<P402PaymentRejectedError> {
  const paymentResponse = getPaymentResponse(response);
  const reasonFromRequirements = await requirementsError(response);
  const errorReason = paymentResponse?.errorReason ?? paymentResponse?.reason ?? reasonFromRequirements;
  return new P402PaymentRejectedError({
    status: response.status,
    resource,
    ...(paymentResponse !== undefined ? { paymentResponse } : {}),
    ...(errorReason !== undefined ? { errorReason } : {}),
  });
}
