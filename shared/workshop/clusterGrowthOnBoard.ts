import type { TLShape } from '@tldraw/tlschema'
import { rectsOverlap, type Rect } from './boardLayout.ts'
import { clusterArea } from './clusterLayout.ts'
import { growClusterAmongNeighbours } from './clusterNeighbours.ts'
import { uncoveredNotePosition } from './grownNoteOnBoard.ts'
import { recordSize, type SizeOf } from './recordSize.ts'
import { isCluster, isNote, type BoardShape, type ClusterShape } from './workshopRecords.ts'

/**
 * A cluster's growth around its notes as record changes, for the moderator's canvas (a drop, a
 * move, typing) and for the server (a participant's note grown by its text, which the participant
 * may not grow the cluster for): both grow clusters the same way.
 */

/**
 * The changed records when `cluster` grows around its children (clusterNeighbours'
 * growClusterAmongNeighbours): the cluster, its notes that moved back inside, the neighbouring
 * clusters moved aside, and loose notes of the board that the grown or moved clusters now cover
 * (they go to free slots, as when a cluster is formed; behind a frame nobody saw them).
 * `shapes` are the board's children and the cluster's (others are ignored). Empty when nothing changes.
 */
export function clusterGrowthOnBoard(board: BoardShape, cluster: ClusterShape, shapes: readonly TLShape[], sizeOf: SizeOf = recordSize): TLShape[] {
  const inCluster = shapes.filter((shape) => shape.parentId === cluster.id)
  const neighbours = shapes.filter((shape): shape is ClusterShape => shape.parentId === board.id && isCluster(shape) && shape.id !== cluster.id)
  const growth = growClusterAmongNeighbours(
    { x: cluster.x, y: cluster.y, w: cluster.props.w, h: cluster.props.h },
    inCluster.map((shape) => ({ x: shape.x, y: shape.y, ...sizeOf(shape) })),
    neighbours.map((neighbour) => ({ x: neighbour.x, y: neighbour.y, w: neighbour.props.w, h: neighbour.props.h })),
    board.props,
  )
  if (!growth) return []
  const { frame } = growth
  const grown: ClusterShape = { ...cluster, x: frame.x, y: frame.y, props: { ...cluster.props, w: frame.w, h: frame.h } }
  const changed: TLShape[] = [grown]
  inCluster.forEach((shape, index) => {
    const { x, y } = growth.positions[index]!
    if (x !== shape.x || y !== shape.y) changed.push({ ...shape, x, y })
  })
  const movedAside = neighbours.flatMap((neighbour, index) => {
    const { x, y } = growth.neighbours[index]!
    return x === neighbour.x && y === neighbour.y ? [] : [{ ...neighbour, x, y }]
  })
  changed.push(...movedAside)
  const after = shapes.map((shape) => changed.find((change) => change.id === shape.id) ?? shape)
  return [...changed, ...notesOffClusters(board, after, [grown, ...movedAside], sizeOf)]
}

/**
 * Loose notes of `board` that lie under `clusters` (with the room for their names), each moved
 * to the board's first free slot, or where nothing covers it when no slot is free
 * (uncoveredNotePosition), one by one among the others as they are by then. `shapes` are the
 * board's children as they are now.
 */
export function notesOffClusters(board: BoardShape, shapes: readonly TLShape[], clusters: readonly ClusterShape[], sizeOf: SizeOf = recordSize): TLShape[] {
  const areas = clusters.map(clusterArea)
  const covered = (shape: TLShape) => {
    const rect: Rect = { x: shape.x, y: shape.y, ...sizeOf(shape) }
    return areas.some((area) => rectsOverlap(area, rect))
  }
  let siblings = shapes.filter((shape) => shape.parentId === board.id)
  const moved: TLShape[] = []
  for (const note of siblings.filter((shape) => isNote(shape) && covered(shape))) {
    const spot = uncoveredNotePosition(board, note, sizeOf(note), siblings, sizeOf)
    const placed = { ...note, ...spot }
    moved.push(placed)
    siblings = siblings.map((shape) => (shape.id === note.id ? placed : shape))
  }
  return moved
}
