import type { Editor, TLContent, VecLike } from 'tldraw'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import type { Author } from '../../shared/workshop/recordMeta.ts'
import { isCluster, type BoardShape } from '../../shared/workshop/workshopRecords.ts'
import { sendSealedNote, type SealedNoteSender } from '../docView/sealedNoteSending.ts'
import { translateNow } from '../i18n/translate.ts'
import { showToast } from '../stores/toastStore.ts'
import { boardAtViewportCentre, postNotesWithTexts } from './noteActions.ts'
import { boardAround, pageBoards } from './pageBoards.ts'
import { reportSealedLeftOut, withoutSealedNotes } from './sealedCopies.ts'

/**
 * What a participant pastes (Ctrl+V) becomes their notes. tldraw's defaults made shapes the
 * participant may not post: pasted text became a text shape, which was refused with "participants
 * may only write notes" and the text was gone; a copied note of someone else came back with that
 * person's name, off the board, and was refused too; a copied cluster lost its notes with it. Now
 * every pasted text, and every copied shape's text, is posted as a note of this participant on
 * the board of the selection (or under the paste point, or in the middle of the view); shapes
 * without text are left out, and the participant is told how many. Authorship is the same as
 * for a moderator's paste (moderatorPaste.ts): the pasted notes are the paster's new notes, and
 * hidden cards are left out of both (sealedCopies.ts).
 *
 * While notes are collected hidden (`sealedSender` names the participant), each text is handed in
 * as a sealed note the way the hidden-note text field does it (sendSealedNote): written into the
 * document it was refused and only offered to copy. What the server refuses is offered to copy.
 */
export function registerParticipantPaste(editor: Editor, author: () => Author | null, sealedSender: () => SealedNoteSender | null): void {
  const post = (texts: string[], point: VecLike | undefined, leftOut = 0) => {
    const by = author()
    if (!by) return
    const board = targetBoard(editor, point)
    if (!board) return void showToast(translateNow('board.noBoard'))
    const withText = texts.filter((text) => text.trim() !== '')
    const sender = sealedSender()
    if (sender) void handInSealed(sender, board, withText)
    else postNotesWithTexts(editor, board, by, withText)
    if (leftOut > 0) showToast(leftOut === 1 ? translateNow('board.pasteLeftOutOne') : translateNow('board.pasteLeftOutMany', { count: leftOut }), 'error', 8000)
    else if (withText.length === 0) showToast(translateNow('board.pasteNothing'))
  }
  editor.registerExternalContentHandler('text', ({ text, point }) => post([text], point))
  editor.registerExternalContentHandler('url', ({ url, point }) => post([url], point))
  editor.registerExternalContentHandler('tldraw', ({ content, point }) => {
    // Hidden cards have no text to copy before the reveal: left out, as from a moderator's paste.
    const { content: open, sealed } = withoutSealedNotes(content)
    reportSealedLeftOut(sealed)
    if (sealed > 0 && open.shapes.length === 0) return
    const { texts, leftOut } = textsOfCopiedShapes(open)
    post(texts, point, leftOut)
  })
}

/**
 * Hands in pasted texts one after another (their placeholders take the board's free slots in
 * order). Texts the server refuses stay whole in one toast, ready to copy.
 */
async function handInSealed(sender: SealedNoteSender, board: BoardShape, texts: readonly string[]): Promise<void> {
  const refused: string[] = []
  let reason = ''
  for (const text of texts) {
    const result = await sendSealedNote(translateNow, sender, board.meta.questionIndex, text)
    if (result.sent) continue
    refused.push(text)
    reason ||= result.reason
  }
  if (refused.length > 0) showToast(translateNow('board.textNotSent', { reason }), 'error', null, { keptText: refused.join('\n\n') })
}

/** The texts of copied shapes (notes, text shapes), and how many copied shapes have none (boards, drawings, pictures). */
export function textsOfCopiedShapes(content: TLContent): { texts: string[]; leftOut: number } {
  const texts: string[] = []
  let leftOut = 0
  for (const shape of content.shapes) {
    // A board's header is part of the board (counted once, as the board).
    if ((shape.meta as { kind?: unknown }).kind === 'boardHeader') continue
    const richText = (shape.props as { richText?: Parameters<typeof richTextToPlain>[0] }).richText
    const text = richText ? richTextToPlain(richText) : ''
    if (text.trim() !== '') texts.push(text)
    // A cluster's frame holds notes (copied along, each counted as one); it is no card itself.
    else if (!isCluster(shape)) leftOut++
  }
  return { texts, leftOut }
}

/** The board pasted onto: the selection's, the one under the paste point, or the one in view. */
function targetBoard(editor: Editor, point: VecLike | undefined): BoardShape | undefined {
  for (const shape of editor.getSelectedShapes()) {
    const board = boardAround(editor, shape)
    if (board) return board
  }
  if (point) {
    const under = pageBoards(editor).find((board) => editor.getShapePageBounds(board.id)?.containsPoint(point))
    if (under) return under
  }
  return boardAtViewportCentre(editor)
}
