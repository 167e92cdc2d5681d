// The eviction order of the agent's bounded caches (outcome-cache.ts, json-templates.ts): the
// entry stored longest ago goes first. A ring, so that storing costs no allocation and no scan.

/** Up to `capacity` items in the order they were put in. */
export class InsertionRing<T> {
  private readonly items: Array<T | undefined>;
  private next = 0;

  constructor(capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Puts `item` in; returns what it replaced: when the ring is full, the item put in longest ago. */
  put(item: T): T | undefined {
    const old = this.items[this.next];
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.items.length;
    return old;
  }
}
