import { P402BodyNotReplayableError } from './errors.js';

/** A request that can be sent twice: once, then again with the payment. */
export interface ReplayableRequest {
  url: string;
  init: RequestInit;
}

function copyBytes(view: ArrayBufferView): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(view.byteLength);
  copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  return copy;
}

function isStreamLike(body: object): boolean {
  return (
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) ||
    typeof (body as { getReader?: unknown }).getReader === 'function' ||
    Symbol.asyncIterator in body
  );
}

/**
 * Makes the body safe to send twice. Strings, `URLSearchParams`, `FormData` and `Blob` are re-serialised
 * by `fetch` on every send; `ArrayBuffer` and typed arrays are copied once (so later changes by the caller
 * cannot alter the paid retry); streams cannot be replayed and are refused up front.
 */
function replayableBody(body: RequestInit['body']): RequestInit['body'] {
  if (body === null || body === undefined || typeof body === 'string') {
    return body;
  }
  if (body instanceof ArrayBuffer) {
    return copyBytes(new Uint8Array(body));
  }
  if (ArrayBuffer.isView(body)) {
    return copyBytes(body);
  }
  if (isStreamLike(body)) {
    throw new P402BodyNotReplayableError(
      'p402Fetch cannot send a ReadableStream (or async iterable) body: a paid request is sent twice ' +
        '(once to learn the price, once with the payment). Pass the body as a string, ArrayBuffer, ' +
        'Uint8Array, Blob, FormData or URLSearchParams instead.',
    );
  }
  return body;
}

/** Turns fetch's `(input, init)` into a URL and an init whose body can be sent again. */
export async function toReplayableRequest(input: string | URL | Request, init: RequestInit): Promise<ReplayableRequest> {
  if (typeof Request !== 'undefined' && input instanceof Request) {
    let body: RequestInit['body'] = init.body;
    if (body === undefined && input.body !== null) {
      body = new Uint8Array(await input.arrayBuffer());
    }
    const fromRequest: RequestInit = {
      method: input.method,
      headers: input.headers,
      signal: input.signal,
      redirect: input.redirect,
      credentials: input.credentials,
    };
    return { url: input.url, init: { ...fromRequest, ...init, body: replayableBody(body) } };
  }
  return { url: input.toString(), init: { ...init, body: replayableBody(init.body) } };
}
