/**
 * Base64 (standard alphabet, with padding) of UTF-8 JSON, as x402 headers use it. Written on
 * `btoa`/`atob`/`TextEncoder`, so it runs unchanged in Node ≥ 20, browsers, Deno, Bun and workers.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** JSON-encodes `value`, then base64-encodes its UTF-8 bytes. */
export function encodeBase64Json(value: unknown): string {
  const bytes = utf8Encoder.encode(JSON.stringify(value));
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Decodes base64 (standard alphabet; padding optional) into UTF-8 JSON.
 * Throws an `Error` whose message says which step failed.
 */
export function decodeBase64Json(text: string): unknown {
  const compact = text.trim();
  if (compact.length === 0 || !BASE64.test(compact) || compact.length % 4 === 1) {
    throw new Error('not valid base64');
  }
  const padded = compact.padEnd(compact.length + ((4 - (compact.length % 4)) % 4), '=');
  let binary: string;
  try {
    binary = atob(padded);
  } catch (cause) {
    throw new Error('not valid base64', { cause });
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let json: string;
  try {
    json = utf8Decoder.decode(bytes);
  } catch (cause) {
    throw new Error('not valid UTF-8', { cause });
  }
  try {
    return JSON.parse(json) as unknown;
  } catch (cause) {
    throw new Error('not valid JSON', { cause });
  }
}
