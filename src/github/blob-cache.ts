/**
 * Git blob contents by sha, kept across webhook deliveries. A blob's content never changes for a
 * given sha, so entries never go stale; the bound is only about memory. Least recently used
 * entries go first once the total size passes `maxBytes`.
 */
export class BlobCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  get(sha: string): string | undefined {
    const text = this.entries.get(sha);
    if (text === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-inserting moves the entry to the end of the Map's iteration order: most recently used.
    this.entries.delete(sha);
    this.entries.set(sha, text);
    return text;
  }

  set(sha: string, text: string): void {
    const size = text.length * 2;
    if (size > this.maxBytes) return;
    const previous = this.entries.get(sha);
    if (previous !== undefined) {
      this.bytes -= previous.length * 2;
      this.entries.delete(sha);
    }
    this.entries.set(sha, text);
    this.bytes += size;
    for (const [oldest, oldText] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= oldText.length * 2;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
