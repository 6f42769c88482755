import { createShapeId, type Editor, type TLFrameShape, type TLShape, type TLShapeId, type TLShapePartial } from 'tldraw'
import { arrangeInGrid, CLUSTER_LABEL_SPACE, dropSpotInCluster, flowOnBoard, insideCluster, type Size } from '../../shared/workshop/clusterLayout.ts'
import { clusterGrowthOnBoard, notesOffClusters } from '../../shared/workshop/clusterGrowthOnBoard.ts'
import { growClusterAmongNeighbours, placeNewCluster } from '../../shared/workshop/clusterNeighbours.ts'
import { BOARD_HEADER_HEIGHT } from '../../shared/workshop/boardLayout.ts'
import { isBoard, isCluster, isNote, type BoardShape, type ClusterShape } from '../../shared/workshop/workshopRecords.ts'
import { boardAround } from './pageBoards.ts'

/**
 * The moderator's clustering on the canvas. A cluster is a tldraw `frame` with meta
 * `{kind:'cluster'}` inside a board, and its notes are its children (docs/CONTRACTS.md), so
 * membership is structural: the export, the list view and tests read it from the parents, and
 * tldraw's own frame behaviour moves notes in and out when they are dragged.
 */

/** Colour of cluster frames, so they stand apart from the boards' black frames. */
const CLUSTER_COLOR = 'blue'

/** The notes of a selection that can form one cluster: those on the board of the first note. */
export function clusterableNotes(editor: Editor, ids: readonly TLShapeId[]): { board: BoardShape; noteIds: TLShapeId[] } | undefined {
  const notes = ids.map((id) => editor.getShape(id)).filter((shape): shape is TLShape => shape !== undefined && isNote(shape))
  const first = notes[0]
  const board = first && boardAround(editor, first)
  if (!board) return undefined
  return { board, noteIds: notes.filter((note) => boardAround(editor, note)?.id === board.id).map((note) => note.id) }
}

/** The selected cluster, when exactly one is selected. */
export function selectedCluster(editor: Editor): ClusterShape | undefined {
  const selected = editor.getSelectedShapes()
  return selected.length === 1 && isCluster(selected[0]!) ? selected[0] : undefined
}

/** Size of a shape as drawn (a note grows with its text). */
function sizeOf(editor: Editor, id: TLShapeId): Size {
  const bounds = editor.getShapeGeometry(id).bounds
  return { w: bounds.w, h: bounds.h }
}

/** Reading order: top to bottom, then left to right, by page position. */
function inReadingOrder(editor: Editor, ids: readonly TLShapeId[]): TLShapeId[] {
  const position = (id: TLShapeId) => editor.getShapePageBounds(id)?.point ?? { x: 0, y: 0 }
  return [...ids].sort((a, b) => {
    const pa = position(a)
    const pb = position(b)
    return Math.round(pa.y - pb.y) || pa.x - pb.x
  })
}

/** Puts a cluster's children into a tidy grid and fits the frame around them. */
function arrangeCluster(editor: Editor, clusterId: TLShapeId): void {
  const childIds = editor.getSortedChildIdsForParent(clusterId)
  const { positions, size } = arrangeInGrid(childIds.map((id) => sizeOf(editor, id)))
  editor.updateShapes(
    childIds.map((id, index) => ({ id, type: editor.getShape(id)!.type, x: positions[index]!.x, y: positions[index]!.y })),
  )
  editor.updateShape<TLFrameShape>({ id: clusterId, type: 'frame', props: { w: size.w, h: size.h } })
}

/** Editors forming a cluster right now (see {@link isFormingCluster}). */
const formingCluster = new WeakSet<Editor>()

/**
 * Whether "Cluster bilden" is at work on `editor`: its notes move into the new frame one by one
 * and only then get their grid and their spot; growing the frame around them on the way
 * (clusterGrowth.ts) would push neighbouring clusters aside for places the notes leave again.
 */
export function isFormingCluster(editor: Editor): boolean {
  return formingCluster.has(editor)
}

/**
 * "Cluster bilden": a new named cluster on the board of the selected notes, where the notes
 * were, holding them in a grid. Clusters of the board in its way move aside, as when a cluster
 * grows (clusterNeighbours' makeRoomForNewCluster): it covered them, hiding their notes.
 * Returns the cluster's id, or undefined without notes.
 */
export function createCluster(editor: Editor, ids: readonly TLShapeId[], name: string): TLShapeId | undefined {
  const found = clusterableNotes(editor, ids)
  if (!found || found.noteIds.length === 0) return undefined
  const { board, noteIds } = found
  const boardPage = editor.getShapePageBounds(board.id)!
  const noteBounds = noteIds.map((id) => editor.getShapePageBounds(id)!)
  const x = Math.min(...noteBounds.map((bounds) => bounds.x)) - boardPage.x
  const y = Math.max(BOARD_HEADER_HEIGHT + CLUSTER_LABEL_SPACE, Math.min(...noteBounds.map((bounds) => bounds.y)) - boardPage.y)
  const clusterId = createShapeId()
  editor.markHistoryStoppingPoint('create cluster')
  formingCluster.add(editor)
  try {
    editor.run(() => {
      editor.createShape<TLFrameShape>({
        id: clusterId,
        type: 'frame',
        parentId: board.id,
        x,
        y,
        props: { w: 100, h: 100, name, color: CLUSTER_COLOR },
        meta: { kind: 'cluster' },
      })
      editor.reparentShapes(inReadingOrder(editor, noteIds), clusterId)
      arrangeCluster(editor, clusterId)
      const movedAside = makeRoomAmongClusters(editor, board, clusterId)
      clearClusterArea(editor, board, [clusterId, ...movedAside])
    })
  } finally {
    formingCluster.delete(editor)
  }
  editor.select(clusterId)
  return clusterId
}

/**
 * The new cluster `clusterId`, arranged where its notes were, takes its spot among the board's
 * other clusters: those in its way move aside (with their notes, their children). Where the board
 * leaves it less room than its grid, its grid takes fewer columns, or its notes move back inside
 * (clusterNeighbours' placeNewCluster). Returns the clusters moved.
 */
function makeRoomAmongClusters(editor: Editor, board: BoardShape, clusterId: TLShapeId): TLShapeId[] {
  const cluster = editor.getShape(clusterId)
  if (!cluster || !isCluster(cluster)) return []
  const neighbours = editor
    .getSortedChildIdsForParent(board.id)
    .map((id) => editor.getShape(id)!)
    .filter((shape): shape is ClusterShape => isCluster(shape) && shape.id !== clusterId)
  const frames = neighbours.map((neighbour) => ({ x: neighbour.x, y: neighbour.y, w: neighbour.props.w, h: neighbour.props.h }))
  const notes = editor.getSortedChildIdsForParent(clusterId).map((id) => editor.getShape(id)!)
  const sizes = notes.map((note) => sizeOf(editor, note.id))
  const { frame, neighbours: placed, positions } = placeNewCluster({ x: cluster.x, y: cluster.y }, sizes, frames, board.props)
  const movedAside = neighbours.filter((neighbour, index) => placed[index]!.x !== neighbour.x || placed[index]!.y !== neighbour.y)
  editor.updateShapes([
    { id: clusterId, type: 'frame', x: frame.x, y: frame.y, props: { w: frame.w, h: frame.h } },
    ...notes.map((note, index) => ({ id: note.id, type: note.type, ...positions[index]! })),
    ...movedAside.map((neighbour) => ({ id: neighbour.id, type: neighbour.type, ...placed[neighbours.indexOf(neighbour)]! })),
  ])
  return movedAside.map((neighbour) => neighbour.id)
}

/**
 * A cluster holds all its notes: when the moderator drops notes into it or moves them in it,
 * its frame grows around them (clusters clip their notes, so a note at the edge was cut off),
 * within its board, moving neighbouring clusters aside instead of covering them
 * (clusterGrowthOnBoard). Loose notes of the board the grown or moved clusters cover go to free
 * slots, as when a cluster is formed.
 */
export function fitClusterToNotes(editor: Editor, clusterId: TLShapeId): void {
  const cluster = editor.getShape(clusterId)
  if (!cluster || !isCluster(cluster)) return
  const board = editor.getShape(cluster.parentId)
  if (!board || !isBoard(board)) return
  const shapes = [board.id, clusterId].flatMap((parentId) => editor.getSortedChildIdsForParent(parentId).map((id) => editor.getShape(id)!))
  const changed = clusterGrowthOnBoard(board, cluster, shapes, (shape) => sizeOf(editor, shape.id))
  if (changed.length > 0) editor.updateShapes(changed)
}

/**
 * A participant's note in a cluster that does not grow for her (she may not change the frame),
 * nudged or grown by her typing, slides inside its padding instead of hanging over its edge, cut
 * off (a note too tall stays at the top; the server grows the cluster). Her drops go to
 * `placeDroppedNotesInCluster`.
 */
export function keepNotesInsideCluster(editor: Editor, clusterId: TLShapeId, noteIds: readonly TLShapeId[]): void {
  const cluster = editor.getShape(clusterId)
  if (!cluster || !isCluster(cluster)) return
  const notes = noteIds
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => shape !== undefined && shape.parentId === clusterId)
  const moves = notes
    .map((shape) => ({ shape, spot: insideCluster(cluster.props, { x: shape.x, y: shape.y, ...sizeOf(editor, shape.id) }) }))
    .filter(({ shape, spot }) => spot.x !== shape.x || spot.y !== shape.y)
  if (moves.length > 0) editor.updateShapes(moves.map(({ shape, spot }) => ({ id: shape.id, type: shape.type, ...spot })))
}

/**
 * Notes a participant dropped into a cluster (in the clustering phase she may move her notes,
 * not the frame) go where they cover no other note of it (`dropSpotInCluster`): inside its
 * padding where there is room, else beside or below its notes, past the edge, and the server
 * grows the cluster around them (server/sync/clustersAroundGrownNotes.ts). Sliding them inside
 * alone put a note dropped at the corner exactly on the note there, hiding it.
 */
export function placeDroppedNotesInCluster(editor: Editor, clusterId: TLShapeId, noteIds: readonly TLShapeId[]): void {
  const cluster = editor.getShape(clusterId)
  if (!cluster || !isCluster(cluster)) return
  const dropped = new Set(noteIds)
  const boxOf = (shape: TLShape) => ({ x: shape.x, y: shape.y, ...sizeOf(editor, shape.id) })
  const children = editor.getSortedChildIdsForParent(clusterId).map((id) => editor.getShape(id)!)
  // Each dropped note also keeps clear of those placed before it.
  const taken = children.filter((shape) => isNote(shape) && !dropped.has(shape.id)).map(boxOf)
  const board = editor.getShape(cluster.parentId)
  const neighbours =
    board && isBoard(board)
      ? editor
          .getSortedChildIdsForParent(board.id)
          .map((id) => editor.getShape(id)!)
          .filter((shape): shape is ClusterShape => isCluster(shape) && shape.id !== clusterId)
          .map((neighbour) => ({ x: neighbour.x, y: neighbour.y, ...neighbour.props }))
      : []
  const moves: TLShapePartial[] = []
  for (const shape of children.filter((child) => isNote(child) && dropped.has(child.id))) {
    const box = boxOf(shape)
    // A full cluster grows where the board and the clusters around leave it room for the note (as the server will grow it).
    const canGrowTo = (spot: { x: number; y: number }) => {
      if (!board || !isBoard(board)) return true
      const growth = growClusterAmongNeighbours({ x: cluster.x, y: cluster.y, ...cluster.props }, [...taken, { ...box, ...spot }], neighbours, board.props)
      const placed = growth?.positions.at(-1)
      return placed === undefined || (placed.x === spot.x && placed.y === spot.y)
    }
    const spot = dropSpotInCluster(cluster.props, box, taken, canGrowTo)
    taken.push({ ...box, ...spot })
    if (spot.x !== shape.x || spot.y !== shape.y) moves.push({ id: shape.id, type: shape.type, ...spot })
  }
  if (moves.length > 0) editor.updateShapes(moves)
}

/**
 * Loose notes of the board that the new cluster (or the clusters it moved aside) now covers go
 * to the board's free slots: behind the frame they were hidden from everyone until the board was
 * tidied.
 */
function clearClusterArea(editor: Editor, board: BoardShape, clusterIds: readonly TLShapeId[]): void {
  const clusters = clusterIds.map((id) => editor.getShape(id)).filter((shape): shape is ClusterShape => shape !== undefined && isCluster(shape))
  if (clusters.length === 0) return
  const siblings = editor.getSortedChildIdsForParent(board.id).map((id) => editor.getShape(id)!)
  const moved = notesOffClusters(board, siblings, clusters, (shape) => sizeOf(editor, shape.id))
  if (moved.length > 0) editor.updateShapes(moved)
}

export function renameCluster(editor: Editor, clusterId: TLShapeId, name: string): void {
  editor.updateShape<TLFrameShape>({ id: clusterId, type: 'frame', props: { name } })
}

/** "Auflösen": the cluster's notes go back onto its board (where they are), the frame goes. */
export function dissolveCluster(editor: Editor, clusterId: TLShapeId): void {
  const cluster = editor.getShape(clusterId)
  if (!cluster || !isCluster(cluster)) return
  const childIds = editor.getSortedChildIdsForParent(clusterId)
  editor.markHistoryStoppingPoint('dissolve cluster')
  editor.run(() => {
    if (childIds.length > 0) editor.reparentShapes(childIds, cluster.parentId)
    editor.deleteShapes([clusterId])
  })
  editor.select(...childIds)
}

/**
 * "Aufräumen": every cluster on the board gets a tidy grid, then clusters (in their order) and
 * the loose notes (in reading order) flow across the board below its header.
 */
export function tidyBoard(editor: Editor, boardId: TLShapeId): void {
  const board = editor.getShape(boardId)
  if (!board || !isBoard(board)) return
  const children = editor.getSortedChildIdsForParent(boardId).map((id) => editor.getShape(id)!)
  const clusters = children.filter((shape) => isCluster(shape))
  const notes = inReadingOrder(
    editor,
    children.filter((shape) => isNote(shape)).map((shape) => shape.id),
  )
  editor.markHistoryStoppingPoint('tidy board')
  editor.run(() => {
    for (const cluster of clusters) arrangeCluster(editor, cluster.id)
    const items = [
      ...clusters.map((cluster) => ({ ...sizeOf(editor, cluster.id), labelled: true })),
      ...notes.map((id) => ({ ...sizeOf(editor, id), labelled: false })),
    ]
    const { positions } = flowOnBoard(items, board.props)
    const ids = [...clusters.map((cluster) => cluster.id), ...notes]
    editor.updateShapes(ids.map((id, index) => ({ id, type: editor.getShape(id)!.type, x: positions[index]!.x, y: positions[index]!.y })))
  })
}
