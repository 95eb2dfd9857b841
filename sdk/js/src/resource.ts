/**
 * Normalises a resource URL the way the P402 server keys receipts: lower-case scheme and host, no
 * default port (80 for http, 443 for https), no user info, no fragment, the path without trailing
 * slashes (the root stays `/`), and the query string kept as it is.
 *
 * Relative URLs are resolved against `base` when given; otherwise they are rejected with a `TypeError`.
 */
export function normalizeResourceUrl(url: string | URL, base?: string | URL): string {
  // WHATWG URL parsing already lower-cases scheme and host and drops a port that is the scheme's default.
  const parsed = new URL(url, base);
  const trimmed = parsed.pathname.replace(/\/+$/, '');
  const path = trimmed === '' ? '/' : trimmed;
  return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
}
