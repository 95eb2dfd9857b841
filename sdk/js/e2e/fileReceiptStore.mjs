import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * A ReceiptStore kept in a JSON file ({ "<resource>": { "receiptId": "rcpt_…", "expiresAt": "…" } }), so that
 * receipts outlive the process: an example of a custom store, and what lets the end-to-end tests run
 * `pay.mjs` several times as one payer.
 */
export class FileReceiptStore {
  #path;

  constructor(path) {
    this.#path = path;
  }

  get(resource) {
    const entry = this.#read()[resource];
    if (entry === undefined || (entry.expiresAt && Date.parse(entry.expiresAt) <= Date.now())) {
      return undefined;
    }
    return entry.receiptId;
  }

  set(resource, receiptId, expiresAt) {
    const entries = this.#read();
    entries[resource] = { receiptId, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) };
    this.#write(entries);
  }

  delete(resource) {
    const entries = this.#read();
    delete entries[resource];
    this.#write(entries);
  }

  #read() {
    return existsSync(this.#path) ? JSON.parse(readFileSync(this.#path, 'utf8')) : {};
  }

  #write(entries) {
    const temporary = `${this.#path}.tmp`;
    writeFileSync(temporary, JSON.stringify(entries, null, 2));
    renameSync(temporary, this.#path);
  }
}
