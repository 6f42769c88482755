import type { TLContent } from 'tldraw'
import { isNote } from '../../shared/workshop/workshopRecords.ts'
import { translateNow } from '../i18n/translate.ts'
import { showToast } from '../stores/toastStore.ts'

/**
 * Copied content without its sealed notes (hidden mode), and how many there were. A sealed note's
 * text is on the server until the reveal; the copy holds a covered, empty card. Pasted, it made an
 * empty card of whoever pasted (a note's copy is the paster's, duplicatedNotes.ts) where the
 * person meant to copy a card with its text, and a copy still sealed under the author's name
 * would fake a card she never handed in. So it is left out, and the person is told (see
 * {@link reportSealedLeftOut}); after the reveal the card copies like any other.
 */
export function withoutSealedNotes(content: TLContent): { content: TLContent; sealed: number } {
  const sealedIds = new Set<string>(content.shapes.filter((shape) => isNote(shape) && shape.meta.sealed === true).map((shape) => shape.id))
  if (sealedIds.size === 0) return { content, sealed: 0 }
  return {
    content: {
      ...content,
      shapes: content.shapes.filter((shape) => !sealedIds.has(shape.id)),
      rootShapeIds: content.rootShapeIds.filter((id) => !sealedIds.has(id)),
      // A binding needs both its shapes (tldraw refuses to paste one without).
      bindings: content.bindings?.filter((binding) => !sealedIds.has(binding.fromId) && !sealedIds.has(binding.toId)),
    },
    sealed: sealedIds.size,
  }
}

/** Tells the person that `count` hidden cards were left out of what she pasted. */
export function reportSealedLeftOut(count: number): void {
  if (count === 0) return
  showToast(count === 1 ? translateNow('board.pasteSealedLeftOutOne') : translateNow('board.pasteSealedLeftOutMany', { count }), 'error', 8000)
}
