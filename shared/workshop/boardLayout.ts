/**
 * Geometry of the canvas: boards in a readable grid, notes in slots inside a board.
 * Pure numbers so that seeding (server), posting (client, phone view) and tests agree.
 */
export const NOTE_SIZE = 200
export const NOTE_GAP = 24
export const BOARD_PADDING = 32
export const BOARD_HEADER_HEIGHT = 180
export const NOTE_COLUMNS = 5
export const NOTE_ROWS = 3
export const BOARD_WIDTH = BOARD_PADDING * 2 + NOTE_COLUMNS * NOTE_SIZE + (NOTE_COLUMNS - 1) * NOTE_GAP
export const BOARD_HEIGHT =
  BOARD_HEADER_HEIGHT + BOARD_PADDING + NOTE_ROWS * NOTE_SIZE + (NOTE_ROWS - 1) * NOTE_GAP
export const BOARD_SPACING = 160
export const BOARD_COLUMNS = 2

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Page position of the board for question `index` (row-major grid of {@link BOARD_COLUMNS}). */
export function boardRect(index: number): Rect {
  const column = index % BOARD_COLUMNS
  const row = Math.floor(index / BOARD_COLUMNS)
  return {
    x: column * (BOARD_WIDTH + BOARD_SPACING),
    y: row * (BOARD_HEIGHT + BOARD_SPACING),
    w: BOARD_WIDTH,
    h: BOARD_HEIGHT,
  }
}

/** Position of note slot `slot`, relative to its board. Slots past the board's rows continue below. */
export function noteSlotPosition(slot: number): { x: number; y: number } {
  const column = slot % NOTE_COLUMNS
  const row = Math.floor(slot / NOTE_COLUMNS)
  return {
    x: BOARD_PADDING + column * (NOTE_SIZE + NOTE_GAP),
    y: BOARD_HEADER_HEIGHT + row * (NOTE_SIZE + NOTE_GAP),
  }
}

/**
 * The first slot whose square no existing note overlaps much. `occupied` are the top-left
 * corners (board-relative) of notes already on the board.
 */
export function firstFreeNoteSlot(occupied: ReadonlyArray<{ x: number; y: number }>): number {
  const half = NOTE_SIZE / 2
  for (let slot = 0; ; slot++) {
    const position = noteSlotPosition(slot)
    const taken = occupied.some(
      (note) => Math.abs(note.x - position.x) < half && Math.abs(note.y - position.y) < half,
    )
    if (!taken) return slot
  }
}
