import type * as Y from 'yjs'
import { encodedStateOf } from '../sync/encodedState.ts'

/**
 * Whether a session's document may grow by an update without passing its size limit.
 *
 * Encoding the whole document for every update would cost O(document) per keystroke, so the
 * guard keeps an estimate from above instead: the exact encoded size when it last measured, plus
 * every update applied since (an update grows the encoded document by about its own size at
 * most; a margin per update covers items split by deletes). Only when that estimate would pass
 * the limit does it measure again, and at most once per document change.
 */
export class DocumentSizeGuard {
  private bound: number
  private measuredAtVersion = -1
  private version = 0
  private static readonly MARGIN_PER_UPDATE = 64

  constructor(
    private readonly doc: Y.Doc,
    readonly maxBytes: number,
  ) {
    this.bound = this.measure()
    doc.on('update', (update: Uint8Array) => {
      this.version++
      this.bound += update.byteLength + DocumentSizeGuard.MARGIN_PER_UPDATE
    })
  }

  /** Whether applying an update of `updateBytes` keeps the document within the limit. */
  fits(updateBytes: number): boolean {
    const grown = (bound: number) => bound + updateBytes + DocumentSizeGuard.MARGIN_PER_UPDATE
    if (grown(this.bound) <= this.maxBytes) return true
    if (this.measuredAtVersion !== this.version) this.bound = this.measure()
    return grown(this.bound) <= this.maxBytes
  }

  private measure(): number {
    this.measuredAtVersion = this.version
    return encodedStateOf(this.doc).byteLength
  }
}
