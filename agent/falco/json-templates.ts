// What the agent remembers of JSON events it decoded (HTTP bodies, JSON lines): each one's
// fingerprint (json-fingerprint.ts), where its left-out values were, and its outcome, in a
// crit-bit tree over the fingerprint bytes. json-fingerprint.ts matches a new event against them
// instead of scanning all of it (a scan costs 3–5 ns per byte in JavaScript, a busy node's event
// is 2 KB); json-repeats.ts replays the matched template's outcome. The tree only finds the one
// remembered fingerprint an event can have; the scanner then checks that it has it, byte for byte.
//
// Why a crit-bit tree: a fingerprint is the event without some values, and where those values
// end in a new event is only known by reading them. All fingerprints below a node share their
// bytes up to the node's byte, so they share which values were left out before it (that follows
// from the keys before them, see JsonShape) and, nearly always, where: the walk reads those
// values in the new event where the node's `ref` has them, then knows which of its bytes is the
// node's byte. Not always: whitespace next to a left-out value is kept but not which side of the
// value it was on ("time":"…"␠, and "time":␠"…", leave the same bytes), so the template a walk
// reaches may have a value elsewhere than a node above it; the match then checks that every
// value it read is where that template has it (else the event is scanned).
//
// Bounded like OutcomeCache: when full, the template added longest ago goes. A process in a
// monitored container chooses its command line, so it could add templates that each branch off
// the last one a bit later (a chain as deep as the tree is large): a walk gives up after
// MAX_WALK nodes (the event is then scanned, as before there were templates), and a template
// that would sit deeper when added is not added. Templates added later can still push one
// below MAX_WALK (each branching off above it adds a node to its path): its repeats are then
// scanned and decoded each time, which costs what they cost before templates, no more.
import type { Fingerprint } from './fingerprint-scratch.js';
import type { Outcome } from '../pipeline/ingest.js';
import { DEFAULT_OUTCOME_CACHE_ENTRIES } from '../pipeline/outcome-cache.js';
import { InsertionRing } from '../pipeline/insertion-ring.js';

/**
 * The most inner nodes a walk passes. Templates of other containers branch off a path within
 * the bytes before its container's id (about a hundred bits), so this leaves room for those and
 * for a deep tree of one workload's own; at a few ns a node it costs less than a scan.
 */
export const MAX_WALK = 256;

/** Where the values left out of a fingerprint were, and how each one is read. */
export interface JsonShape {
  /** The fingerprint position each value was removed at, ascending. */
  readonly at: Int32Array;
  /** json-fingerprint.ts's reading of each value (its Role). */
  readonly roles: Uint8Array;
}

/** A remembered event: a leaf of the tree. */
export interface JsonTemplate extends JsonShape {
  /** Its own copy of the fingerprint bytes. */
  readonly bytes: Buffer;
  readonly hash: number;
  /** What decoding the last event with this fingerprint came to. */
  outcome: Outcome;
}

/**
 * A node of the tree. Inner nodes send an event left or right by one bit of one fingerprint
 * byte; a leaf holds a template. One class for both, so that the walk sees one shape.
 */
export class TemplateNode {
  constructor(
    /** Inner: the fingerprint byte tested; every template below shares the bytes before it. */
    readonly byte: number,
    /** Inner: the bit of that byte tested (set: right). */
    readonly mask: number,
    public left: TemplateNode | null,
    public right: TemplateNode | null,
    /** A template below (a leaf's own): where the values before `byte` were left out. */
    public ref: JsonTemplate,
    /** Leaf: its template; inner: null. */
    readonly template: JsonTemplate | null,
  ) {}
}

export class JsonTemplates {
  private tree: TemplateNode | null = null;
  private readonly ring: InsertionRing<TemplateNode>;
  private count = 0;

  constructor(maxEntries = DEFAULT_OUTCOME_CACHE_ENTRIES) {
    this.ring = new InsertionRing<TemplateNode>(maxEntries);
  }

  get size(): number {
    return this.count;
  }

  get root(): TemplateNode | null {
    return this.tree;
  }

  /** The template with exactly these fingerprint bytes, if any. */
  find(bytes: Buffer): JsonTemplate | null {
    const leaf = this.closest(bytes);
    return leaf !== null && leaf.template !== null && leaf.template.bytes.equals(bytes) ? leaf.template : null;
  }

  /** Replaces the outcome of the template with these fingerprint bytes; false when there is none. */
  update(bytes: Buffer, outcome: Outcome): boolean {
    const known = this.find(bytes);
    if (known === null) return false;
    known.outcome = outcome;
    return true;
  }

  /**
   * Remembers the outcome of the event with `fingerprint` and `shape` (replacing the one it
   * had). Not added when its leaf would be deeper than a walk goes.
   */
  add(fingerprint: Fingerprint, shape: JsonShape, outcome: Outcome): void {
    const bytes = fingerprint.bytes;
    if (this.update(bytes, outcome)) return;
    if ((this.place(bytes)?.depth ?? 0) >= MAX_WALK) return;
    // Its own memory: a pooled slice would pin a shared 8 KiB slab for as long as it is kept.
    const own = Buffer.allocUnsafeSlow(bytes.length);
    bytes.copy(own);
    const template: JsonTemplate = { bytes: own, hash: fingerprint.hash, at: shape.at.slice(), roles: shape.roles.slice(), outcome };
    const leaf = new TemplateNode(-1, 0, null, null, template, template);
    // The oldest goes before the new leaf's place is found: that place depends on what stays
    // (and is no deeper than it was above).
    const old = this.ring.put(leaf);
    if (old !== undefined) this.remove(old);
    this.count++;
    const place = this.place(bytes);
    if (place === null) {
      this.tree = leaf;
      return;
    }
    const { parent, node, byte, mask } = place;
    const right = (byteAt(bytes, byte) & mask) !== 0;
    const inner = new TemplateNode(byte, mask, right ? node : leaf, right ? leaf : node, template, null);
    if (parent === null) this.tree = inner;
    else if (parent.left === node) parent.left = inner;
    else parent.right = inner;
  }

  /**
   * Where a leaf for `bytes` (none of the tree's) goes: the bit it branches off at, and the node
   * its new inner node takes the place of, below `depth` inner nodes. Null for an empty tree.
   */
  private place(bytes: Buffer): { parent: TemplateNode | null; node: TemplateNode; byte: number; mask: number; depth: number } | null {
    const closest = this.closest(bytes);
    if (closest === null) return null;
    // The first bit where the bytes differ from the template a walk by them reaches is the
    // first bit where they differ from all templates.
    const other = (closest.template as JsonTemplate).bytes;
    let byte = 0;
    while (byteAt(bytes, byte) === byteAt(other, byte)) byte++;
    const mask = 1 << (31 - Math.clz32(byteAt(bytes, byte) ^ byteAt(other, byte)));
    // Down to where the new node goes: below every node that tests an earlier bit.
    let parent: TemplateNode | null = null;
    let node = this.tree as TemplateNode; // holds `closest`
    let depth = 0;
    while (node.template === null && (node.byte < byte || (node.byte === byte && node.mask > mask))) {
      parent = node;
      node = (byteAt(bytes, node.byte) & node.mask) !== 0 ? (node.right as TemplateNode) : (node.left as TemplateNode);
      depth++;
    }
    return { parent, node, byte, mask, depth };
  }

  /** The leaf a walk by these bytes ends at (the only template they can equal), or null. */
  private closest(bytes: Buffer): TemplateNode | null {
    let node = this.tree;
    while (node !== null && node.template === null) node = (byteAt(bytes, node.byte) & node.mask) !== 0 ? node.right : node.left;
    return node;
  }

  private remove(leaf: TemplateNode): void {
    const template = leaf.template as JsonTemplate;
    const bytes = template.bytes;
    let grandparent: TemplateNode | null = null;
    let parent: TemplateNode | null = null;
    let node = this.tree;
    const path: TemplateNode[] = [];
    while (node !== null && node !== leaf && node.template === null) {
      path.push(node);
      grandparent = parent;
      parent = node;
      node = (byteAt(bytes, node.byte) & node.mask) !== 0 ? node.right : node.left;
    }
    if (node !== leaf) return;
    this.count--;
    if (parent === null) {
      this.tree = null;
      return;
    }
    const sibling = (parent.left === leaf ? parent.right : parent.left) as TemplateNode;
    if (grandparent === null) this.tree = sibling;
    else if (grandparent.left === parent) grandparent.left = sibling;
    else grandparent.right = sibling;
    // Nodes above that took their shape from the template going now take it from one that stays.
    for (const above of path) if (above.ref === template) above.ref = sibling.ref;
  }
}

/** A fingerprint's byte, 0 past its end (JSON text has no 0 byte, so no fingerprint is cut short). */
function byteAt(bytes: Buffer, i: number): number {
  return i < bytes.length ? (bytes[i] as number) : 0;
}
