import type {
  TLDocument,
  TLFrameShape,
  TLNoteShape,
  TLPage,
  TLPageId,
  TLParentId,
  TLRecord,
  TLShape,
  TLShapeId,
  TLTextShape,
} from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
// Not from @tldraw/tlschema: that would load its validators into the phone view (see the file).
import { createShapeId, TLDOCUMENT_ID, toRichText } from '../doc/tldrawPrimitives.ts'
import type { WorkshopTemplate } from '../template/templateSchema.ts'
import { authorNoteColor } from './authorColor.ts'
import {
  boardHeaderSize,
  BOARD_PADDING,
  boardRect,
  firstFreeNoteSlot,
  NOTE_SIZE,
  noteSlotPosition,
  rectsOverlap,
  type BoardOccupancy,
} from './boardLayout.ts'
import { clusterArea, type Size } from './clusterLayout.ts'
import {
  readBoardMeta,
  readClusterMeta,
  readNoteMeta,
  type Author,
  type BoardMeta,
  type ClusterMeta,
  type NoteMeta,
} from './recordMeta.ts'
import { recordSize, type SizeOf } from './recordSize.ts'

/** Fixed ids: seeding happens once on the server, so every client sees the same page and boards. */
export const PAGE_ID = 'page:page' as TLPageId

export function boardId(questionIndex: number): TLShapeId {
  return createShapeId(`board-${questionIndex}`)
}

export function boardHeaderId(questionIndex: number): TLShapeId {
  return createShapeId(`board-${questionIndex}-header`)
}

export type BoardShape = TLFrameShape & { meta: BoardMeta }
export type NoteShape = TLNoteShape & { meta: NoteMeta }
export type ClusterShape = TLFrameShape & { meta: ClusterMeta }

export function isBoard(record: TLRecord): record is BoardShape {
  return record.typeName === 'shape' && record.type === 'frame' && readBoardMeta(record.meta) !== undefined
}

export function isCluster(record: TLRecord): record is ClusterShape {
  return record.typeName === 'shape' && record.type === 'frame' && readClusterMeta(record.meta) !== undefined
}

export function isNote(record: TLRecord): record is NoteShape {
  return record.typeName === 'shape' && record.type === 'note' && readNoteMeta(record.meta) !== undefined
}

function shapeBase(id: TLShapeId, parentId: TLParentId, index: IndexKey, x: number, y: number) {
  return { id, typeName: 'shape' as const, parentId, index, x, y, rotation: 0, isLocked: false, opacity: 1 }
}

/**
 * All records a new session starts with: the document, one page, and per guiding question a
 * board (frame) with a locked header text holding the full question.
 */
export function buildSeedRecords(template: WorkshopTemplate): TLRecord[] {
  const document: TLDocument = {
    id: TLDOCUMENT_ID,
    typeName: 'document',
    gridSize: 10,
    name: template.title,
    meta: {},
  }
  const page: TLPage = { id: PAGE_ID, typeName: 'page', name: template.title, index: 'a1' as IndexKey, meta: {} }
  const records: TLRecord[] = [document, page]
  let boardIndex: IndexKey | undefined
  template.questions.forEach((question, questionIndex) => {
    boardIndex = getIndexAbove(boardIndex)
    const rect = boardRect(questionIndex)
    const board: BoardShape = {
      ...shapeBase(boardId(questionIndex), PAGE_ID, boardIndex, rect.x, rect.y),
      type: 'frame',
      props: { w: rect.w, h: rect.h, name: `${questionIndex + 1}. ${question}`, color: 'black' },
      meta: { kind: 'board', questionIndex },
    }
    const header: TLTextShape = {
      ...shapeBase(boardHeaderId(questionIndex), board.id, getIndexAbove(), BOARD_PADDING, BOARD_PADDING / 2),
      isLocked: true,
      type: 'text',
      props: {
        color: 'black',
        size: boardHeaderSize(`${questionIndex + 1}. ${question}`),
        font: 'sans',
        textAlign: 'start',
        w: rect.w - BOARD_PADDING * 2,
        richText: toRichText(`${questionIndex + 1}. ${question}`),
        scale: 1,
        autoSize: false,
      },
      meta: { kind: 'boardHeader', questionIndex },
    }
    records.push(board, header)
  })
  return records
}

export interface NewNote {
  board: BoardShape
  author: Author
  text: string
  /** Notes already on the board, to find a free slot and an index above them. */
  siblings: readonly TLRecord[]
  now?: Date
  id?: TLShapeId
}

/**
 * A complete, valid note record on `board`, coloured by its author and placed in the board's
 * first free slot. Canvas and phone view both create notes through this.
 */
export function buildNoteRecord({ board, author, text, siblings, now = new Date(), id }: NewNote): NoteShape {
  const onBoard = siblings.filter((record): record is TLShape => record.typeName === 'shape' && record.parentId === board.id)
  // Above everything on the board, clusters too: under a cluster's frame a note was hidden.
  const topIndex = onBoard.reduce<IndexKey | undefined>((top, shape) => (top === undefined || shape.index > top ? shape.index : top), undefined)
  const slot = freeNotePosition(board, siblings)
  return {
    ...shapeBase(id ?? createShapeId(), board.id, getIndexAbove(topIndex), slot.x, slot.y),
    type: 'note',
    props: {
      color: authorNoteColor(author.authorId),
      labelColor: 'black',
      size: 's',
      font: 'sans',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(text),
      scale: 1,
      textLastEditedBy: null,
    },
    meta: newNoteMeta(author, now),
  }
}

/** A new note's meta: who wrote it, and when (also for notes tldraw makes itself, client/canvas/adjacentNotes.ts). */
export function newNoteMeta(author: Author, now = new Date()): NoteShape['meta'] {
  return { kind: 'note', authorId: author.authorId, authorName: author.authorName, createdAt: now.toISOString() }
}

/**
 * Where a note of `size` goes on `board` (board-relative): its first slot where the note stays on
 * the board and overlaps no note among `siblings` and no cluster (a cluster with the room for its
 * name above it); see firstFreeNoteSlot. `sizeOf` sizes the siblings (on the canvas tldraw's
 * geometry); a new note is as big as an empty one.
 */
export function freeNotePosition(
  board: BoardShape,
  siblings: readonly TLRecord[],
  size: Size = { w: NOTE_SIZE, h: NOTE_SIZE },
  sizeOf: SizeOf = recordSize,
): { x: number; y: number } {
  return noteSlotPosition(firstFreeNoteSlot(boardOccupancy(board, siblings, sizeOf), size))
}

/**
 * What lies on `board` among `records` (any records; only the board's own children count): its
 * notes at their real size (`sizeOf`) and its clusters with the room for their names above them.
 */
export function boardOccupancy(board: BoardShape, records: readonly TLRecord[], sizeOf: SizeOf = recordSize): Required<BoardOccupancy> {
  const onBoard = records.filter((record): record is TLShape => record.typeName === 'shape' && record.parentId === board.id)
  const notes = onBoard.filter((shape) => shape.type === 'note').map((note) => ({ x: note.x, y: note.y, ...sizeOf(note) }))
  const covered = onBoard.filter((shape) => isCluster(shape)).map(clusterArea)
  return { notes, covered, board: board.props }
}

/**
 * Where a note goes once its size is known, when it was placed before: a note posted with its
 * text without a canvas (phone, list view) lies in a slot free for an empty note, as nothing
 * there can measure text (a note's height is tldraw's measurement, `growY`, see recordSize).
 * At `size` it stays where it is while it stays on `board` and covers no other note and no
 * cluster there; otherwise it goes to the first free slot for `size` ({@link freeNotePosition}),
 * as a note of that size posted now would.
 */
export function placeForSize(
  board: BoardShape,
  note: TLShape,
  siblings: readonly TLRecord[],
  size: Size,
  sizeOf: SizeOf = recordSize,
): { x: number; y: number } {
  const others = siblings.filter((record) => record.id !== note.id)
  const area = { x: note.x, y: note.y, ...size }
  const { notes, covered } = boardOccupancy(board, others, sizeOf)
  const covers = [...notes, ...covered].some((taken) => rectsOverlap(taken, area))
  const leaves = area.x + area.w > board.props.w || area.y + area.h > board.props.h
  return covers || leaves ? freeNotePosition(board, others, size, sizeOf) : { x: note.x, y: note.y }
}

/** The boards of a record set, ordered by question. */
export function boardsInOrder(records: Iterable<TLRecord>): BoardShape[] {
  const boards: BoardShape[] = []
  for (const record of records) if (isBoard(record)) boards.push(record)
  return boards.sort((a, b) => a.meta.questionIndex - b.meta.questionIndex)
}
