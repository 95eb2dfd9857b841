import type { ReceiptStore } from './receipts.js';

/** Request header presenting a receipt; response header issuing one. */
export const RECEIPT_HEADER = 'P402-Receipt';
/** Response header with the receipt's expiry, ISO 8601. */
export const RECEIPT_EXPIRES_HEADER = 'P402-Receipt-Expires';

const RECEIPT_ID = /^rcpt_[A-Za-z0-9_-]{1,200}$/;

/** Stores the receipt a response carries (if any, and well-formed) for the resource. */
export async function rememberReceipt(response: Response, store: ReceiptStore, resource: string): Promise<void> {
  const receiptId = response.headers.get(RECEIPT_HEADER)?.trim();
  if (receiptId === undefined || !RECEIPT_ID.test(receiptId)) {
    return;
  }
  const expiresText = response.headers.get(RECEIPT_EXPIRES_HEADER);
  const expiresAt = expiresText === null ? undefined : new Date(expiresText.trim());
  const validExpiry = expiresAt !== undefined && !Number.isNaN(expiresAt.getTime()) ? expiresAt : undefined;
  await store.set(resource, receiptId, validExpiry);
}
