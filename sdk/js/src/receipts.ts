/**
 * Where `p402Fetch` keeps P402 receipts, keyed by the normalised resource URL
 * (see `normalizeResourceUrl`). Implement it to share receipts between processes (Redis, a file, a DB).
 * Every method may be synchronous or return a promise.
 */
export interface ReceiptStore {
  /** The receipt id (`rcpt_…`) stored for this resource, or `undefined`. Expired entries should not be returned. */
  get(resource: string): Promise<string | undefined> | string | undefined;
  /** Stores a receipt for this resource, replacing any previous one. `expiresAt` is known when the server sent it. */
  set(resource: string, receiptId: string, expiresAt?: Date): Promise<void> | void;
  /** Forgets the receipt of this resource (the server refused it). */
  delete(resource: string): Promise<void> | void;
}

interface Entry {
  receiptId: string;
  expiresAt: Date | undefined;
}

/** The default `ReceiptStore`: an in-memory map, scoped to the process (or to the instance you pass). */
export class MemoryReceiptStore implements ReceiptStore {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: () => number;

  /** @param options.clock milliseconds since the epoch, `Date.now` by default (inject for tests). */
  constructor(options: { clock?: () => number } = {}) {
    this.#clock = options.clock ?? Date.now;
  }

  get(resource: string): string | undefined {
    const entry = this.#entries.get(resource);
    if (entry === undefined) {
      return undefined;
    }
    if (entry.expiresAt !== undefined && entry.expiresAt.getTime() <= this.#clock()) {
      this.#entries.delete(resource);
      return undefined;
    }
    return entry.receiptId;
  }

  set(resource: string, receiptId: string, expiresAt?: Date): void {
    this.#entries.set(resource, { receiptId, expiresAt });
  }

  delete(resource: string): void {
    this.#entries.delete(resource);
  }

  /** Number of receipts held, expired ones included until they are next read. */
  get size(): number {
    return this.#entries.size;
  }
}
