import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  atom,
  Box,
  CameraRecordType,
  createTLStore,
  DefaultToolbar,
  HandToolbarItem,
  NoteToolbarItem,
  SelectToolbarItem,
  Tldraw,
  type Editor,
  type SerializedStore,
  type TLComponents,
  type TLRecord,
  type TLStore,
  type TLUiOverrides,
  type TLUser,
} from 'tldraw'
import 'tldraw/tldraw.css'
import type * as Y from 'yjs'
import { pinnwandSchema } from '../../shared/doc/tldrawSchema.ts'
import { PHASE_RULES } from '../../shared/moderation/moderationState.ts'
import { judgeRecordChange, type Actor } from '../../shared/permissions/updatePolicy.ts'
import { boardsInOrder, PAGE_ID } from '../../shared/workshop/workshopRecords.ts'
import type { ParticipantCredentials, SessionInfo } from '../api/pinnwandApi.ts'
import { translateNow, useTranslate } from '../i18n/translate.ts'
import type { SessionConnection } from '../session/sessionConnection.ts'
import type { SealedNoteSender } from '../docView/sealedNoteSending.ts'
import { useModerationState } from '../session/useModerationState.ts'
import { useEditorStore } from '../stores/editorStore.ts'
import { useLanguageStore } from '../stores/languageStore.ts'
import { showToast } from '../stores/toastStore.ts'
import { AuthoredNoteShapeUtil } from './AuthoredNoteShapeUtil.tsx'
import { BoardControls } from './BoardControls.tsx'
import { boardsCamera } from './boardsCamera.ts'
import { keepBoardsInViewOnResize } from './fitBoards.ts'
import { imagesThatFit, removeImagesWithoutAsset } from './imagesThatFit.ts'
import { followAppLanguage, PINNWAND_TRANSLATIONS } from './tldrawLanguage.ts'
import { NO_EMBEDS, registerLinksWithoutPreview, withoutEmbedAction } from './linksWithoutPreview.ts'
import { BoardFrameShapeUtil } from './BoardFrameShapeUtil.tsx'
import { CanvasModerationContext, type CanvasModeration } from './canvasModeration.ts'
import { registerBoardRules } from './boardRules.ts'
import { registerParticipantPaste } from './participantPaste.ts'
import { registerModeratorPaste } from './moderatorPaste.ts'
import { CanvasSessionContext, type CanvasSession } from './canvasSession.ts'
import { animationFrameScheduler, throttledScheduler } from './frameScheduler.ts'
import { ModerationOverlays } from './ModerationOverlays.tsx'
import { addNoteToBoard, boardAtViewportCentre } from './noteActions.ts'
import { PatternOnDemandArrowShapeUtil, PatternOnDemandDrawShapeUtil, PatternOnDemandGeoShapeUtil } from './patternFillOnDemand.tsx'
import { bindPresence } from './presenceBinding.ts'
import { useSealedNoteStore } from './sealedNoteStore.ts'
import { SelectionStylePanel } from './SelectionStylePanel.tsx'
import { useWholePixelSize, wholePixelSize, type WholePixelSize } from './wholePixelSize.ts'
import { prefetchTldrawTranslations, preloadTldrawFonts, tldrawAssetUrls } from './tldrawAssets.ts'
import { bindStoreToYjs, documentRecordsForStore, type YjsStoreBinding } from './yjsStoreBinding.ts'
import { registerAdjacentNotes, updateNoteAdding } from './adjacentNotes.ts'
import { registerDuplicatedNotes } from './duplicatedNotes.ts'
import { duplicateIntoFreePlaces } from './copiesInFreePlaces.ts'
import { registerClusterGrowth } from './clusterGrowth.ts'
import { registerNoteHeights } from './noteHeights.ts'
import { takeTextsChangedOffCanvas } from '../docView/textsChangedOffCanvas.ts'
import { registerUndoOfOwnChanges } from './undoOwnChanges.ts'
import { updateBudget } from './messageBatches.ts'
import { isNoteBeingTyped, keepTextOfNoteDeletedWhileTyping, reportHeldChange, reportHeldChangeSent, reportRefusedChanges, reportTypingCutOff, settleWhenTypingEnds, waitForClickAfterRefusal } from './refusedEdits.ts'

const SHAPE_UTILS = [
  AuthoredNoteShapeUtil,
  BoardFrameShapeUtil,
  PatternOnDemandGeoShapeUtil,
  PatternOnDemandDrawShapeUtil,
  PatternOnDemandArrowShapeUtil,
]

/**
 * TipTap puts the caret at the start when it finishes creating a text editor, a timer tick after
 * editing began; on a slow device the first letters typed into a new note are there already and
 * the rest would land in front of them. The end is where tldraw puts the caret anyway.
 */
const TLDRAW_OPTIONS = { text: { tipTapConfig: { autofocus: 'end' as const } } }

/** No videos: one would not fit into a websocket message as a data URL (see imagesThatFit.ts). */
const NO_VIDEOS: string[] = []

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

/**
 * While tldraw waits for fonts it shows a spinner. Without a GPU every frame of that CSS
 * animation is composited in software, and it kept running for the seconds in which the main
 * thread built the 1,000 notes, taking a good part of a core from it. A still text instead.
 */
function StillLoadingScreen() {
  const t = useTranslate()
  return <p className="canvas-loading">{t('session.canvasLoading')}</p>
}

/**
 * How long the canvas waits, once the document is there, for tldraw's fonts before it opens
 * anyway (tldraw then waits for the fonts the notes need itself, and lays out again when the
 * others arrive). On loopback or a LAN they are long there by then.
 */
const FONT_WAIT_MS = 2_000

/** tldraw's fonts and translations, started before the canvas mounts (see loadWorkshopCanvas.ts). */
export function prepareCanvasAssets(locale: string): Promise<void> {
  prefetchTldrawTranslations(locale)
  return preloadTldrawFonts()
}

/** True once tldraw's fonts are loaded or FONT_WAIT_MS has passed. */
function useFontsReady(locale: string): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let done = false
    const finish = () => {
      if (!done) setReady((done = true))
    }
    void prepareCanvasAssets(locale).then(finish)
    const timer = setTimeout(finish, FONT_WAIT_MS)
    return () => {
      done = true
      clearTimeout(timer)
    }
    // Once: a language switch later needs no fonts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return ready
}

/** Our cursor and camera go out at most 20 times a second (not in every frame of a pan or drag). */
const PRESENCE_INTERVAL_MS = 50

/**
 * Puts the camera where fitBoardsInView (fitBoards.ts) will, before tldraw exists: tldraw draws every
 * note on its first render, and with the right camera from the start it neither draws them at
 * the default zoom first nor, once the fit's camera "move" ends, draws all of them again
 * (shadows or not depend on the zoom). Boards lie on the page unrotated, so their page bounds
 * are their records' own; anything else is left to the fit on mount.
 */
function placeCameraOnBoards(store: TLStore, viewport: WholePixelSize): void {
  const boards = boardsInOrder(store.allRecords())
  if (boards.length === 0 || boards.some((board) => board.parentId !== PAGE_ID || board.rotation !== 0)) return
  if (viewport.w < 1 || viewport.h < 1) return
  const bounds = Box.Common(boards.map((board) => new Box(board.x, board.y, board.props.w, board.props.h)))
  const camera = boardsCamera(bounds, viewport)
  store.put([CameraRecordType.create({ id: CameraRecordType.createId(PAGE_ID), ...camera })])
}

/**
 * The canvas's store, holding the session document's records from the start: the store builds
 * its record map from initial data in one go and validates each record once. A record that does
 * not validate fails the whole creation; then the store starts empty and bindStoreToYjs fills it
 * record by record, skipping the broken one.
 */
function createStoreFromDocument(doc: Y.Doc, maxMessageBytes: number): TLStore {
  const options = { schema: pinnwandSchema(), users: NO_CURRENT_USER, assets: imagesThatFit(maxMessageBytes) }
  const records = documentRecordsForStore(pinnwandSchema(), doc)
  try {
    return createTLStore({ ...options, initialData: Object.fromEntries(records.map((record) => [record.id, record])) as SerializedStore<TLRecord> })
  } catch {
    return createTLStore(options)
  }
}

export interface WorkshopCanvasProps {
  connection: SessionConnection
  session: SessionInfo
  /** Null for the read-only Beamer view. */
  participant: ParticipantCredentials | null
  licenseKey: string | null
  /** The server's websocket message limit: pasted images are kept below it. */
  maxMessageBytes: number
}

/** The live board: tldraw bound to the session document, with Pinnwand's notes and rules. */
export default function WorkshopCanvas({ connection, session, participant, licenseKey, maxMessageBytes }: WorkshopCanvasProps) {
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
  // Who hands in a participant's paste as sealed notes while notes are collected hidden.
  const sealedSenderRef = useRef<SealedNoteSender | null>(null)
  sealedSenderRef.current = postsSealed && participant && !readonly ? { sessionId: session.id, participantToken: participant.participantToken } : null
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

  const [store] = useState(() => createStoreFromDocument(doc, maxMessageBytes))
  // The binding and the editor come to life in different places (effect, onMount) and need each other.
  const bindingRef = useRef<YjsStoreBinding | undefined>(undefined)
  const editorRef = useRef<Editor | undefined>(undefined)
  const [bound, setBound] = useState(false)
  const containerRef = useRef<HTMLDivElement>(null)
  const size = useWholePixelSize(containerRef)
  const fontsReady = useFontsReady(language)
  useEffect(() => {
    const binding = bindStoreToYjs({
      store,
      doc,
      schedule: animationFrameScheduler,
      guard: (id, next) => judgeRecordChange(doc, sessionRef.current.actor, id, next),
      onRefused: reportRefusedChanges,
      holdRefused: (change) => isNoteBeingTyped(editorRef.current, change),
      onHeld: reportHeldChange,
      onReleased: reportHeldChangeSent,
      maxUpdateBytes: updateBudget(maxMessageBytes),
    })
    bindingRef.current = binding
    const stopPresence = bindPresence({
      store,
      awareness: provider.awareness,
      user: readonly ? null : connection.options.user,
      schedule: throttledScheduler(animationFrameScheduler, PRESENCE_INTERVAL_MS),
    })
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') binding.flush()
    }
    document.addEventListener('visibilitychange', flushWhenHidden)
    window.addEventListener('pagehide', binding.flush)
    if (containerRef.current) placeCameraOnBoards(store, wholePixelSize(containerRef.current))
    setBound(true)
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden)
      window.removeEventListener('pagehide', binding.flush)
      stopPresence()
      bindingRef.current = undefined
      binding.dispose()
    }
  }, [store, doc, provider, connection, readonly, maxMessageBytes])

  const components = useMemo<TLComponents>(
    () => ({
      InFrontOfTheCanvas: CanvasFront,
      LoadingScreen: StillLoadingScreen,
      Toolbar: PinnwandToolbar,
      PageMenu: null,
      SharePanel: null,
      DebugMenu: null,
      DebugPanel: null,
      // Menus that create shapes or pages are for moderators; participants post notes.
      ...(actor.role === 'moderator' ? { StylePanel: SelectionStylePanel } : { MainMenu: null, StylePanel: null }),
    }),
    [actor.role],
  )

  const overrides = useMemo<TLUiOverrides>(
    () => ({
      actions: (editor, actions, helpers) => duplicateIntoFreePlaces(editor, withoutEmbedAction(editor, actions, helpers), helpers),
      translations: PINNWAND_TRANSLATIONS,
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

  // Who posts, and where open notes may go now: read when asked (tldraw's "+" handles, adjacentNotes.ts).
  const noteAuthor = useCallback(() => sessionRef.current.author, [])
  const mayAddOpenNote = useCallback((boardId: string) => sessionRef.current.canAddNoteTo(boardId) && !postsSealedRef.current, [])
  useEffect(() => {
    if (editorRef.current) updateNoteAdding(editorRef.current, noteAuthor, mayAddOpenNote)
  }, [canAddNoteTo, postsSealed, noteAuthor, mayAddOpenNote])

  const onMount = useCallback(
    (editor: Editor) => {
      if (readonly) editor.updateInstanceState({ isReadonly: true })
      registerLinksWithoutPreview(editor)
      const stopFitting = keepBoardsInViewOnResize(editor)
      useEditorStore.getState().setEditor(editor) // the export panel's pictures
      editorRef.current = editor
      // Before the board rules: a card left empty goes only after its held change is settled.
      const stopSettling = settleWhenTypingEnds(editor, () => bindingRef.current)
      const stopKeepingDeletedText = keepTextOfNoteDeletedWhileTyping(editor, () => bindingRef.current)
      const unregisterRules = registerBoardRules(editor, actor, (record) => judgeRecordChange(doc, sessionRef.current.actor, record.id, record).allowed)
      // Notes tldraw makes beside a note are the person's own, offered where she may post.
      const stopAdjacentNotes = registerAdjacentNotes(editor, noteAuthor, mayAddOpenNote)
      // So are the notes she duplicates.
      const stopDuplicatedNotes = registerDuplicatedNotes(editor, noteAuthor)
      if (actor.role === 'participant') registerParticipantPaste(editor, () => sessionRef.current.author, () => sealedSenderRef.current)
      else if (actor.role === 'moderator') registerModeratorPaste(editor)
      const stopUndoingOthers = registerUndoOfOwnChanges(editor)
      const stopGrowingClusters = registerClusterGrowth(editor)
      const stopSizingNotes = registerNoteHeights(
        editor,
        (note) => judgeRecordChange(doc, sessionRef.current.actor, note.id, note).allowed,
        takeTextsChangedOffCanvas(doc),
      )
      const stopRemovingImages = removeImagesWithoutAsset(editor)
      const stopFollowingLanguage = followAppLanguage(editor)
      const stopWaitingForClick = waitForClickAfterRefusal(editor, connection.options.sessionId)
      return () => {
        stopWaitingForClick()
        // Here, not with the binding: tldraw's editor is gone by the time effects are cleaned up.
        const binding = bindingRef.current
        if (binding && connection.refusal !== undefined) reportTypingCutOff(editor, binding, connection.refusal, connection.options.sessionId)
        stopSettling()
        stopKeepingDeletedText()
        editorRef.current = undefined
        stopFollowingLanguage()
        stopFitting()
        unregisterRules()
        stopAdjacentNotes()
        stopDuplicatedNotes()
        stopUndoingOthers()
        stopGrowingClusters()
        stopSizingNotes()
        stopRemovingImages()
      }
    },
    [actor, readonly, connection, doc, noteAuthor, mayAddOpenNote],
  )

  return (
    <CanvasSessionContext.Provider value={canvasSession}>
      <CanvasModerationContext.Provider value={canvasModeration}>
        {/* The box is there first, to place the camera (placeCameraOnBoards); the testid marks the canvas. */}
        <div className="canvas" data-testid={bound ? 'canvas-root' : undefined} ref={containerRef}>
          {bound && size && !fontsReady && <StillLoadingScreen />}
          {bound && size && fontsReady && (
            // Whole pixels: see useWholePixelSize.
            <div style={{ width: size.w, height: size.h }}>
              <Tldraw
                store={store}
                licenseKey={licenseKey ?? undefined}
                assetUrls={tldrawAssetUrls}
                locale={language}
                shapeUtils={SHAPE_UTILS}
                embeds={NO_EMBEDS}
                acceptedVideoMimeTypes={NO_VIDEOS}
                options={TLDRAW_OPTIONS}
                components={components}
                overrides={overrides}
                onMount={onMount}
                autoFocus
              />
            </div>
          )}
        </div>
      </CanvasModerationContext.Provider>
    </CanvasSessionContext.Provider>
  )
}
