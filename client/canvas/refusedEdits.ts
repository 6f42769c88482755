import type { Editor, TLShapeId } from 'tldraw'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { isNote } from '../../shared/workshop/workshopRecords.ts'
import { reasonMessage } from '../i18n/refusalMessage.ts'
import { translateNow } from '../i18n/translate.ts'
import { dismissToast, showToast } from '../stores/toastStore.ts'
import type { RefusedChange, YjsStoreBinding } from './yjsStoreBinding.ts'

/**
 * What a refused change did to a note's text that the document does not have: the note's whole
 * text as the person left it, or undefined when its text was not what changed.
 */
export function unsentNoteText({ attempted, current }: RefusedChange): string | undefined {
  if (!attempted || !isNote(attempted)) return undefined
  const text = richTextToPlain(attempted.props.richText)
  const kept = current && isNote(current) ? richTextToPlain(current.props.richText) : ''
  return text.trim() !== '' && text !== kept ? text : undefined
}

/**
 * Refused changes in the person's words. A note's text that could not be sent stays on screen in
 * a toast until closed, whole and ready to copy; anything else gets the short "Nicht möglich".
 */
export function reportRefusedChanges(changes: RefusedChange[]): void {
  let other: RefusedChange | undefined
  for (const change of changes) {
    const heldToast = heldToasts.get(change.id)
    if (heldToast !== undefined) dismissToast(heldToast)
    heldToasts.delete(change.id)
    const text = unsentNoteText(change)
    const reason = reasonMessage(translateNow, change.reason)
    if (text !== undefined) showToast(translateNow('board.textNotSent', { reason }), 'error', null, { keptText: text })
    else other ??= change
  }
  if (other) showToast(translateNow('board.refused', { reason: reasonMessage(translateNow, other.reason) }), 'error')
}

/** The toast saying a note's typing is held, by note: the toast with its text replaces it. */
const heldToasts = new Map<RefusedChange['id'], number>()

/** Typing goes on into a note whose changes are held (see the binding's holdRefused): said at once. */
export function reportHeldChange(change: RefusedChange): void {
  heldToasts.set(change.id, showToast(translateNow('board.typingHeld', { reason: reasonMessage(translateNow, change.reason) }), 'error', 10_000))
}

/** A held note's typing went out after all (its board was unlocked): the toast saying it would not goes. */
export function reportHeldChangeSent(id: RefusedChange['id']): void {
  const heldToast = heldToasts.get(id)
  if (heldToast !== undefined) dismissToast(heldToast)
  heldToasts.delete(id)
}

/**
 * Whether a refused change is to a note on the board that is open for typing: it waits until
 * typing ends. Anything else goes back at once (a text shape tldraw makes on a double click
 * beside an editable note is no card, and waiting would leave its editor open).
 */
export function isNoteBeingTyped(editor: Editor | undefined, { id, current }: RefusedChange): boolean {
  return editor !== undefined && current !== undefined && isNote(current) && editor.getEditingShapeId() === id
}

/** When typing into a note ends, its held change is settled: sent if allowed now, else returned and reported. */
export function settleWhenTypingEnds(editor: Editor, binding: () => YjsStoreBinding | undefined): () => void {
  return editor.sideEffects.registerAfterChangeHandler('instance_page_state', (prev, next) => {
    const ended = prev.editingShapeId
    // After the store's change is done: settling puts the document's record back into the store.
    if (ended && ended !== next.editingShapeId) queueMicrotask(() => binding()?.settle(ended as TLShapeId))
  })
}

/**
 * Someone else (a moderator) deletes the note this person is typing into: the note and what they
 * typed would go without a word, so its whole text stays in a toast to copy, as for a refused
 * change. A held note is reported when its hold is settled (the binding keeps it until then).
 */
export function keepTextOfNoteDeletedWhileTyping(editor: Editor, binding: () => YjsStoreBinding | undefined): () => void {
  return editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'remote' || !isNote(shape) || editor.getEditingShapeId() !== shape.id || binding()?.isHeld(shape.id)) return
    const text = richTextToPlain(shape.props.richText)
    if (text.trim() !== '') showToast(translateNow('board.deletedWhileTyping'), 'error', null, { keptText: text })
  })
}

/**
 * The server refused an update and the canvas is about to be rebuilt from its state (the device's
 * copy goes, see useSessionConnection): a note open for typing would lose what was typed since
 * the server last took it, so its whole text is offered to copy. A held note is reported by the
 * binding when it goes. When the person was typing, the canvas built next for the session waits
 * for a click (`waitForClickAfterRefusal`).
 */
export function reportTypingCutOff(editor: Editor | undefined, binding: YjsStoreBinding, reason: string, sessionId: string): void {
  const id = editor?.getEditingShapeId()
  if (id) holdKeysFromNextCanvas(sessionId)
  const shape = id ? editor?.getShape(id) : undefined
  if (!shape || !isNote(shape) || binding.isHeld(shape.id)) return
  const text = richTextToPlain(shape.props.richText)
  if (text.trim() === '') return
  showToast(translateNow('board.textNotSent', { reason: reasonMessage(translateNow, reason) }), 'error', null, { keptText: text })
}

/**
 * A canvas went because the server refused an update while the person typed into it: the canvas
 * rebuilt for that session waits for a click (see below). Not when they were not typing (their
 * keys were meant for the canvas anyway), and not once they turned elsewhere before it was there:
 * a pointer down anywhere (the view switch, the toast's copy button) ends the wait.
 */
let typingCutOff: { sessionId: string; stopWatching: () => void } | undefined

function holdKeysFromNextCanvas(sessionId: string): void {
  typingCutOff?.stopWatching()
  const turnedElsewhere = () => {
    typingCutOff = undefined
  }
  window.addEventListener('pointerdown', turnedElsewhere, { capture: true, once: true })
  typingCutOff = { sessionId, stopWatching: () => window.removeEventListener('pointerdown', turnedElsewhere, { capture: true }) }
}

/**
 * The canvas rebuilt after a refusal cut off typing starts without the keyboard: the person's next
 * keys were meant as text and would be tldraw's shortcuts on the new canvas ("N" made a new note
 * on the board in view and the rest of the word went into it). A pointer down on the canvas gives
 * it the keyboard again.
 */
export function waitForClickAfterRefusal(editor: Editor, sessionId: string): () => void {
  const cutOff = typingCutOff
  if (!cutOff) return () => {}
  cutOff.stopWatching()
  typingCutOff = undefined
  if (cutOff.sessionId !== sessionId) return () => {}
  editor.blur()
  const container = editor.getContainer()
  const focus = () => editor.focus()
  container.addEventListener('pointerdown', focus, { once: true })
  return () => container.removeEventListener('pointerdown', focus)
}
