import { useCallback, useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { Actor } from '../../shared/permissions/participantRules.ts'
import type { Author } from '../../shared/workshop/recordMeta.ts'
import type { ParticipantCredentials, SessionInfo } from '../api/pinnwandApi.ts'
import type { SessionConnection } from '../session/sessionConnection.ts'
import { dotBudgetOf, type DotBudget } from './dotBudget.ts'
import { fetchMySealedNotes } from './participationApi.ts'
import { useSendPendingSealedNotes } from './pendingSealedNotes.ts'
import { useDocSnapshot } from './useDocSnapshot.ts'
import { allNotes, deriveWorkshopView, readWorkshopInput, type WorkshopView } from './workshopModel.ts'

/** Props every view without a canvas gets from the session page. */
export interface DocViewProps {
  connection: SessionConnection
  session: SessionInfo
  /** Whom this person writes as; null for the Beamer. */
  participant: ParticipantCredentials | null
}

export interface Workshop {
  doc: Y.Doc
  sessionId: string
  actor: Actor
  author: Author | null
  participantToken: string | null
  view: WorkshopView
  budget: DotBudget
  /** Texts of this person's sealed notes by note id (hidden mode: the document has none). */
  sealedTexts: ReadonlyMap<string, string>
  /** Shows a just-posted sealed text before the server is asked again. */
  addSealedText: (noteId: string, text: string) => void
}

/** The live workshop as the phone and list views see it, re-derived on every document change. */
export function useWorkshop({ connection, session, participant }: DocViewProps): Workshop {
  const doc = connection.doc
  const participantId = session.role === 'viewer' ? null : (participant?.participantId ?? null)
  const actor = useMemo<Actor>(() => ({ role: session.role, participantId }), [session.role, participantId])
  const author = useMemo<Author | null>(
    () => (participant && participantId ? { authorId: participant.participantId, authorName: participant.name } : null),
    [participant, participantId],
  )
  const select = useCallback(
    (current: Y.Doc) => {
      const input = readWorkshopInput(current)
      return {
        view: deriveWorkshopView(input, actor),
        budget: dotBudgetOf(input.dots, input.moderation, participantId),
      }
    },
    [actor, participantId],
  )
  const { view, budget } = useDocSnapshot(doc, select)
  const participantToken = session.role === 'viewer' ? null : (participant?.participantToken ?? null)
  const mySealedIds = allNotes(view)
    .filter((note) => note.mine && note.sealed)
    .map((note) => note.id)
  const { sealedTexts, addSealedText } = useMySealedTexts(session.id, participantToken, mySealedIds)
  // Sealed notes written without a connection go out once it is back.
  const sealedSender = useMemo(() => (participantToken ? { sessionId: session.id, participantToken } : null), [session.id, participantToken])
  useSendPendingSealedNotes(sealedSender, addSealedText)
  return { doc, sessionId: session.id, actor, author, participantToken, view, budget, sealedTexts, addSealedText }
}

/**
 * This person's sealed texts, fetched again whenever their set of sealed notes in the document
 * changes (a post from another device, the reveal). `mySealedNoteIds`: the ids of their notes
 * that are still sealed in the document (the canvas reads them from tldraw's store).
 */
export function useMySealedTexts(sessionId: string, participantToken: string | null, mySealedNoteIds: readonly string[]) {
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map())
  const mySealedIds = [...mySealedNoteIds].sort().join(',')
  useEffect(() => {
    if (!participantToken || mySealedIds === '') return
    let cancelled = false
    fetchMySealedNotes(sessionId, participantToken)
      .then((notes) => {
        if (!cancelled) setTexts(new Map(notes.map((note) => [note.noteId, note.text])))
      })
      .catch(() => {
        // offline: keep what is known; the placeholders still show that the notes exist
      })
    return () => {
      cancelled = true
    }
  }, [sessionId, participantToken, mySealedIds])
  const addSealedText = useCallback((noteId: string, text: string) => {
    setTexts((current) => new Map(current).set(noteId, text))
  }, [])
  return { sealedTexts: texts, addSealedText }
}
