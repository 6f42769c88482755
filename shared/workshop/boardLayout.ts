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

/**
 * Font size of a board's header so that the whole question fits above the first row of notes
 * (the header area is {@link BOARD_HEADER_HEIGHT} high; at size l a question of 170 characters
 * took four lines and the notes covered the last). The server seeds the header without a DOM to
 * measure, so the size goes by length: over the board's width a line holds at least ≈ 45 / 70 /
 * 95 characters at l / m / s (long German words wrap early), and 3 / 5 / 6 lines fit the area.
 */
export function boardHeaderSize(headerText: string): 'l' | 'm' | 's' {
  if (headerText.length <= 130) return 'l'
  if (headerText.length <= 330) return 'm'
  return 's'
}
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

/** Slots of one layer: the board's grid of notes. */
export const NOTE_SLOTS_PER_LAYER = NOTE_COLUMNS * NOTE_ROWS
/** Once the grid is full, notes pile up in layers this far apart, so each one still shows its edge. */
export const NOTE_PILE_OFFSET = 8
/** Layers above the grid; the last one ends exactly at the board's padding, so notes never leave it. */
export const NOTE_PILE_LAYERS = BOARD_PADDING / NOTE_PILE_OFFSET
export const NOTE_SLOT_CAPACITY = NOTE_SLOTS_PER_LAYER * (NOTE_PILE_LAYERS + 1)

/**
 * Position of note slot `slot`, relative to its board. The first {@link NOTE_SLOTS_PER_LAYER}
 * slots are the grid; later ones pile onto it, offset per layer, and stay inside the board.
 */
export function noteSlotPosition(slot: number): { x: number; y: number } {
  const cell = slot % NOTE_SLOTS_PER_LAYER
  const layer = Math.floor(slot / NOTE_SLOTS_PER_LAYER) % (NOTE_PILE_LAYERS + 1)
  const column = cell % NOTE_COLUMNS
  const row = Math.floor(cell / NOTE_COLUMNS)
  return {
    x: BOARD_PADDING + column * (NOTE_SIZE + NOTE_GAP) + layer * NOTE_PILE_OFFSET,
    y: BOARD_HEADER_HEIGHT + row * (NOTE_SIZE + NOTE_GAP) + layer * NOTE_PILE_OFFSET,
  }
}

/** What a slot is checked against: the board's size and what already lies on it (board-relative). */
export interface BoardOccupancy {
  /** Notes on the board, each with its real size (a note with long text is taller). */
  notes: readonly Rect[]
  /** Areas nothing new may go under or over: clusters with the room for their names. */
  covered?: readonly Rect[]
  board?: { w: number; h: number }
}

/**
 * The first slot for a note of `size` that leaves every note and covered area of the board
 * visible and keeps the note on the board. A grid slot is taken when the note there would overlap
 * a note (with its real size, so the area a tall note covers further down is taken too, and a
 * nudged note takes the slots it reaches into) or a covered area; a pile slot only by a note on
 * that very spot or by a covered area (piles overlap by design). A note taller than the board's
 * room below the first row counts as reaching to the board's edge, so it still finds a top-row
 * slot. When no slot is free the piles start over, spread by the number of notes, at the first
 * such slot that keeps the note on the board.
 */
export function firstFreeNoteSlot(
  { notes, covered = [], board = { w: BOARD_WIDTH, h: BOARD_HEIGHT } }: BoardOccupancy,
  size: { w: number; h: number } = { w: NOTE_SIZE, h: NOTE_SIZE },
): number {
  // Judged by at most the board's room from the first slot, so a note too big for any slot still fits the top row.
  const reach = { w: Math.min(size.w, board.w - BOARD_PADDING), h: Math.min(size.h, board.h - BOARD_HEADER_HEIGHT) }
  const fitsOnBoard = (position: { x: number; y: number }) => position.x + reach.w <= board.w && position.y + reach.h <= board.h
  for (let slot = 0; slot < NOTE_SLOT_CAPACITY; slot++) {
    const position = noteSlotPosition(slot)
    if (!fitsOnBoard(position)) continue
    const area = { ...position, ...size }
    const onIt =
      slot < NOTE_SLOTS_PER_LAYER
        ? notes.some((note) => rectsOverlap(note, area))
        : notes.some((note) => Math.abs(note.x - position.x) < NOTE_PILE_OFFSET / 2 && Math.abs(note.y - position.y) < NOTE_PILE_OFFSET / 2)
    if (!onIt && !covered.some((cover) => rectsOverlap(cover, area))) return slot
  }
  // Full board: the piles start over, spread by the number of notes.
  const start = notes.length % NOTE_SLOT_CAPACITY
  for (let step = 0; step < NOTE_SLOT_CAPACITY; step++) {
    const slot = (start + step) % NOTE_SLOT_CAPACITY
    if (fitsOnBoard(noteSlotPosition(slot))) return slot
  }
  return start
}

/**
 * Where a note of height `h` at `y` (board-relative) lies so that it stays on its board: moved
 * up until it ends where the board's last row of slots ends (the board's padding above its
 * bottom edge), never above the first row (the question stays readable), never down. A note
 * taller than the board's room below its question stays at the first row and reaches past the
 * edge: there is no room on the board to keep it whole.
 */
export function noteTopOnBoard(y: number, h: number, board: { h: number }): number {
  return Math.min(y, Math.max(BOARD_HEADER_HEIGHT, board.h - BOARD_PADDING - h))
}

/** Whether two rectangles share any area (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}
