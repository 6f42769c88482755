import { defaultHandleExternalTldrawContent, type Editor } from 'tldraw'
import { thenPlaceCopiesFreely } from './copiesInFreePlaces.ts'
import { reportSealedLeftOut, withoutSealedNotes } from './sealedCopies.ts'

/**
 * What a moderator pastes (Ctrl+V) is tldraw's paste: the copied shapes as they were, notes as
 * the moderator's own (tldraw calls each copy's onBeforeDuplicate, duplicatedNotes.ts), but
 * without hidden cards, which have no text to copy before the reveal (sealedCopies.ts), as a
 * participant's paste leaves them out (participantPaste.ts). The copies go to free places on their
 * board, not over the note in the middle of it (copiesInFreePlaces.ts).
 */
export function registerModeratorPaste(editor: Editor): void {
  editor.registerExternalContentHandler('tldraw', async ({ content, point }) => {
    const { content: open, sealed } = withoutSealedNotes(content)
    reportSealedLeftOut(sealed)
    // tldraw's paste is synchronous under its async signature: the copies are placed in its undo step.
    if (open.shapes.length > 0) thenPlaceCopiesFreely(editor, () => void defaultHandleExternalTldrawContent(editor, { point, content: open }))
  })
}
