import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  atom,
  Box,
  createTLStore,
  DefaultToolbar,
  HandToolbarItem,
  NoteToolbarItem,
  SelectToolbarItem,
  Tldraw,
  type Editor,
  type TLComponents,
  type TLUiOverrides,
  type TLUser,
} from 'tldraw'
import 'tldraw/tldraw.css'
import { pinnwandSchema } from '../../shared/doc/tldrawSchema.ts'
import { PHASE_RULES } from '../../shared/moderation/moderationState.ts'
import { judgeRecordChange, type Actor } from '../../shared/permissions/updatePolicy.ts'
import { boardsInOrder } from '../../shared/workshop/workshopRecords.ts'
import type { ParticipantCredentials, SessionInfo } from '../api/pinnwandApi.ts'
import { translateNow } from '../i18n/translate.ts'
import type { SessionConnection } from '../session/sessionConnection.ts'
import { useModerationState } from '../session/useModerationState.ts'
import { useEditorStore } from '../stores/editorStore.ts'
import { useLanguageStore } from '../stores/languageStore.ts'
import { showToast } from '../stores/toastStore.ts'
import { AuthoredNoteShapeUtil } from './AuthoredNoteShapeUtil.tsx'
import { BoardControls } from './BoardControls.tsx'
import { BoardFrameShapeUtil } from './BoardFrameShapeUtil.tsx'
import { CanvasModerationContext, type CanvasModeration } from './canvasModeration.ts'
import { registerBoardRules } from './boardRules.ts'
import { CanvasSessionContext, type CanvasSession } from './canvasSession.ts'
import { animationFrameScheduler } from './frameScheduler.ts'
import { ModerationOverlays } from './ModerationOverlays.tsx'
import { addNoteToBoard, boardAtViewportCentre } from './noteActions.ts'
import { bindPresence } from './presenceBinding.ts'
import { useSealedNoteStore } from './sealedNoteStore.ts'
import { tldrawAssetUrls } from './tldrawAssets.ts'
import { bindStoreToYjs } from './yjsStoreBinding.ts'

const SHAPE_UTILS = [AuthoredNoteShapeUtil, BoardFrameShapeUtil]

/**
 * TipTap puts the caret at the start when it finishes creating a text editor, a timer tick after
 * editing began; on a slow device the first letters typed into a new note are there already and
 * the rest would land in front of them. The end is where tldraw puts the caret anyway.
 */
const TLDRAW_OPTIONS = { text: { tipTapConfig: { autofocus: 'end' as const } } }

/**
 * No tldraw user: tldraw would stamp `textLastEditedBy` on notes and write a `user:` record into
 * the document, which the gate refuses. Authorship lives in the note's meta instead.
 */
const NO_CURRENT_USER = { currentUser: atom<TLUser | null>('pinnwand no tldraw user', null) }

function PinnwandToolbar() {
  return (
    <DefaultToolbar>
      <SelectToolbarItem />
      <HandToolbarItem />
      <NoteToolbarItem />
    </DefaultToolbar>
  )
}

/** Everything drawn in front of the canvas: "+ Karte" and the moderation parts. */
function CanvasFront() {
  return (
    <>
      <BoardControls />
      <ModerationOverlays />
    </>
  )
}

/** Screen pixels kept free below the boards for tldraw's toolbar. */
const TOOLBAR_RESERVE = 72

/** All boards in view, so every question can be read on arrival. */
function fitBoardsInView(editor: Editor): void {
  const boxes = boardsInOrder(editor.getCurrentPageShapes())
    .map((board) => editor.getShapePageBounds(board.id))
    .filter((box): box is Box => box !== undefined)
  if (boxes.length === 0) return
  const bounds = Box.Common(boxes)
  editor.zoomToBounds(bounds, { inset: 48 })
  const reserve = TOOLBAR_RESERVE / editor.getZoomLevel()
  editor.zoomToBounds(new Box(bounds.x, bounds.y, bounds.w, bounds.h + reserve), { inset: 48 })
}

export interface WorkshopCanvasProps {
  connection: SessionConnection
  session: SessionInfo
  /** Null for the read-only Beamer view. */
  participant: ParticipantCredentials | null
  licenseKey: string | null
}

/** The live board: tldraw bound to the session document, with Pinnwand's notes and rules. */
export default function WorkshopCanvas({ connection, session, participant, licenseKey }: WorkshopCanvasProps) {
  const { doc, provider } = connection
  const language = useLanguageStore((state) => state.language)
  const moderation = useModerationState(doc)
  const readonly = session.role === 'viewer' || !participant
  const actor = useMemo<Actor>(
    () => ({ role: session.role, participantId: participant?.participantId ?? null }),
    [session.role, participant],
  )

  const canAddNoteTo = useCallback(
    (boardId: string) =>
      !readonly &&
      (actor.role === 'moderator' || (PHASE_RULES[moderation.phase].createNotes && !moderation.lockedBoards.includes(boardId))),
    [actor.role, moderation, readonly],
  )
  // Hidden mode: participants' "+ Karte" posts through the server (see canvasModeration.ts).
  const postsSealed = moderation.hiddenMode && actor.role !== 'moderator'
  const canvasModeration = useMemo<CanvasModeration>(
    () => ({ connection, session, participant: readonly ? null : participant, moderation, postsSealed }),
    [connection, session, participant, readonly, moderation, postsSealed],
  )
  const postsSealedRef = useRef(postsSealed)
  postsSealedRef.current = postsSealed
  const canvasSession = useMemo<CanvasSession>(
    () => ({
      actor,
      author: participant && !readonly ? { authorId: participant.participantId, authorName: participant.name } : null,
      canAddNoteTo,
    }),
    [actor, canAddNoteTo, participant, readonly],
  )
  // tldraw's overrides are set once; they read the latest session through this ref.
  const sessionRef = useRef(canvasSession)
  sessionRef.current = canvasSession

  const [store] = useState(() => createTLStore({ schema: pinnwandSchema, users: NO_CURRENT_USER }))
  const [bound, setBound] = useState(false)
  useEffect(() => {
    const binding = bindStoreToYjs({
      store,
      doc,
      schedule: animationFrameScheduler,
      guard: (id, next) => judgeRecordChange(doc, sessionRef.current.actor, id, next),
      onRefused: (reason) => showToast(translateNow('board.refused', { reason }), 'error'),
    })
    const stopPresence = bindPresence({
      store,
      awareness: provider.awareness,
      user: readonly ? null : connection.options.user,
      schedule: animationFrameScheduler,
    })
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') binding.flush()
    }
    document.addEventListener('visibilitychange', flushWhenHidden)
    window.addEventListener('pagehide', binding.flush)
    setBound(true)
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden)
      window.removeEventListener('pagehide', binding.flush)
      stopPresence()
      binding.dispose()
    }
  }, [store, doc, provider, connection, readonly])

  const components = useMemo<TLComponents>(
    () => ({
      InFrontOfTheCanvas: CanvasFront,
      Toolbar: PinnwandToolbar,
      PageMenu: null,
      SharePanel: null,
      DebugMenu: null,
      DebugPanel: null,
      // Menus that create shapes or pages are for moderators; participants post notes.
      ...(actor.role === 'moderator' ? {} : { MainMenu: null, StylePanel: null }),
    }),
    [actor.role],
  )

  const overrides = useMemo<TLUiOverrides>(
    () => ({
      tools(editor, tools) {
        const addNoteHere = () => {
          const { author, canAddNoteTo: allowed } = sessionRef.current
          if (!author) return
          const board = boardAtViewportCentre(editor)
          if (!board) showToast(translateNow('board.noBoard'))
          else if (allowed(board.id) && postsSealedRef.current) useSealedNoteStore.getState().compose(board.meta.questionIndex)
          else if (allowed(board.id)) addNoteToBoard(editor, board, author)
        }
        // Only what participants can do; the note tool (and its key, N) posts onto a board.
        return {
          select: tools.select!,
          hand: tools.hand!,
          note: { ...tools.note!, onSelect: addNoteHere, onDragStart: undefined },
        }
      },
    }),
    [],
  )

  const onMount = useCallback(
    (editor: Editor) => {
      if (readonly) editor.updateInstanceState({ isReadonly: true })
      fitBoardsInView(editor)
      useEditorStore.getState().setEditor(editor) // the export panel's pictures
      return registerBoardRules(editor, actor)
    },
    [actor, readonly],
  )

  if (!bound) return null
  return (
    <CanvasSessionContext.Provider value={canvasSession}>
      <CanvasModerationContext.Provider value={canvasModeration}>
        <div className="canvas" data-testid="canvas-root">
          <Tldraw
            store={store}
            licenseKey={licenseKey ?? undefined}
            assetUrls={tldrawAssetUrls}
            locale={language}
            shapeUtils={SHAPE_UTILS}
            options={TLDRAW_OPTIONS}
            components={components}
            overrides={overrides}
            onMount={onMount}
            autoFocus
          />
        </div>
      </CanvasModerationContext.Provider>
    </CanvasSessionContext.Provider>
  )
}
