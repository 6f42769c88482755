import { defaultHandleExternalTldrawContent, type Editor } from 'tldraw'
import { reportSealedLeftOut, withoutSealedNotes } from './sealedCopies.ts'

/**
 * What a moderator pastes (Ctrl+V) is tldraw's paste: the copied shapes as they were, notes as
 * the moderator's own (tldraw calls each copy's onBeforeDuplicate, duplicatedNotes.ts), but
 * without hidden cards, which have no text to copy before the reveal (sealedCopies.ts), as a
 * participant's paste leaves them out (participantPaste.ts).
 */
export function registerModeratorPaste(editor: Editor): void {
  editor.registerExternalContentHandler('tldraw', async ({ content, point }) => {
    const { content: open, sealed } = withoutSealedNotes(content)
    reportSealedLeftOut(sealed)
    if (open.shapes.length > 0) await defaultHandleExternalTldrawContent(editor, { point, content: open })
  })
}
