import { expect, test, type Page } from '@playwright/test'
import { createSession } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { closeContextsAfterEach } from './support/closeContextsAfterEach.ts'
import { boxesOverlap, boxHolds, type Box } from './support/layoutChecks.ts'
import { joinAs, noteOnCanvas, openModerator, postNote } from './support/workshopPages.ts'

/**
 * Where a new note goes (shared/workshop/boardLayout.ts firstFreeNoteSlot), in Chromium against
 * the real server: a long note covers the slots below it too, so the next note does not go there;
 * a note that its text makes long stays on its board; a note posted with a long text (from the
 * list view, once a canvas has measured it; pasted onto the canvas) goes where there is room for
 * all of it.
 */
const server = useBuiltServer()
closeContextsAfterEach()

test.describe.configure({ timeout: 180_000 })

/** The screen box of a note of board 0 (tldraw's shape element; the note's wrapper has no box). */
async function noteBox(page: Page, text: string): Promise<Box> {
  return (await noteOnCanvas(page, text, 0).locator('xpath=..').boundingBox())!
}

/** Lines typed into Anna's note, each on its own line: together far taller than a note. */
const LONG_LINES = [
  'sicherer', 'breiter', 'beleuchtet', 'durchgehend', 'geräumt', 'markiert', 'gepflegt', 'verbunden',
  'schattig', 'eben', 'getrennt', 'beschildert', 'sauber', 'ruhig', 'direkt', 'abgesenkt',
]

test('a note posted after a long note does not go under it: the slots its text reaches down over are taken', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const ben = await joinAs(browser, session.participantUrl, 'Ben')
  const moderator = await openModerator(browser, session)

  // Anna's long note in the board's first slot.
  await anna.getByTestId('add-note-0').click()
  await anna.keyboard.type('Radwege')
  for (const line of LONG_LINES) {
    await anna.keyboard.press('Enter')
    await anna.keyboard.type(line)
  }
  await anna.keyboard.press('Escape')
  const last = LONG_LINES.at(-1)!
  // Ben's canvas has it with its full height (well taller than wide) before he posts.
  await expect.poll(async () => {
    const box = await noteBox(ben, last)
    return box.height / box.width
  }).toBeGreaterThan(1.3)

  // The rest of the top row, then the note that went under Anna's (the second row's first slot).
  for (const text of ['Eins', 'Zwei', 'Drei', 'Vier']) await postNote(ben, 0, text)
  await postNote(ben, 0, 'Tippfehler korrigiert')

  for (const page of [ben, moderator, anna]) {
    await expect(noteOnCanvas(page, 'Tippfehler korrigiert', 0)).toBeVisible()
    await expect.poll(async () => (await noteBox(page, last)).height / (await noteBox(page, last)).width).toBeGreaterThan(1.3)
    const long = await noteBox(page, last)
    for (const text of ['Tippfehler korrigiert', 'Eins', 'Zwei', 'Drei', 'Vier']) {
      expect(boxesOverlap(long, await noteBox(page, text)), `${text} over or under Anna's long note`).toBe(false)
    }
  }
})

/** The screen box of a shape on `page` by its id (boards: shape:board-<question>). */
async function shapeBox(page: Page, id: string): Promise<Box> {
  return (await page.locator(`.tl-shape[data-shape-id="${id}"]`).boundingBox())!
}

test('a note in the board’s last row that typing makes long moves up within its board: it covers neither the next question nor its "+ Karte"', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  // Two full rows: Anna's next note goes to the last row, board 2 right below it.
  const firstRow = ['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf']
  const secondRow = ['Sechs', 'Sieben', 'Acht', 'Neun', 'Zehn']
  for (const text of [...firstRow, ...secondRow]) await postNote(anna, 0, text)
  await anna.getByTestId('add-note-0').click()
  await anna.keyboard.type('Radwege')
  // While she writes, the moderator takes the second row away: there is room above her note
  // (with the second row there, no spot on the board holds all of it: grownNoteOnBoard.test.ts).
  for (const text of secondRow) {
    await noteOnCanvas(moderator, text, 0).click()
    await moderator.keyboard.press('Delete')
    await expect(noteOnCanvas(anna, text, 0)).toHaveCount(0)
  }
  for (const line of LONG_LINES) {
    await anna.keyboard.press('Enter')
    await anna.keyboard.type(line)
  }
  const last = LONG_LINES.at(-1)!
  // While she types, the note is well taller than wide, and all of it is on its board.
  await expect.poll(async () => {
    const box = await noteBox(anna, last)
    return box.height / box.width
  }).toBeGreaterThan(1.3)
  await expect.poll(async () => boxHolds(await shapeBox(anna, 'shape:board-0'), await noteBox(anna, last))).toBe(true)
  await anna.keyboard.press('Escape')

  // The moderator sees all boards: the note is whole on board 0, clear of board 2's question and button.
  await expect.poll(async () => (await noteBox(moderator, last)).height / (await noteBox(moderator, last)).width).toBeGreaterThan(1.3)
  const long = await noteBox(moderator, last)
  expect(boxHolds(await shapeBox(moderator, 'shape:board-0'), long), 'the long note on its board').toBe(true)
  expect(boxesOverlap(long, await shapeBox(moderator, 'shape:board-2'))).toBe(false)
  expect(boxesOverlap(long, await shapeBox(moderator, 'shape:board-2-header'))).toBe(false)
  expect(boxesOverlap(long, (await moderator.getByTestId('add-note-2').boundingBox())!)).toBe(false)
  // It covers none of the first row, and its text is still all there.
  for (const text of firstRow) expect(boxesOverlap(long, await noteBox(moderator, text)), `the long note over ${text}`).toBe(false)
  await expect(noteOnCanvas(moderator, last, 0)).toContainText('Radwege')
})

test('a note that typing makes long under a full first row does not move up over the note above it', async ({ browser }) => {
  const session = await createSession(server.origin)
  const ben = await joinAs(browser, session.participantUrl, 'Ben')
  const moderator = await openModerator(browser, session)
  // The report's case: R1…R5 fill the first row, Ben's sixth note goes under R1, and he types about 350 characters.
  const row = ['R1', 'R2', 'R3', 'R4', 'R5']
  for (const text of row) await postNote(ben, 0, text)
  await ben.getByTestId('add-note-0').click()
  const long = 'Lang: Mehr Geld für Vereine und weniger Bürokratie bei Anträgen. '.repeat(6).trim()
  await ben.keyboard.type(long)
  const end = 'bei Anträgen.'
  await expect.poll(async () => (await noteBox(ben, end)).height / (await noteBox(ben, end)).width).toBeGreaterThan(2)
  // While he types, R1 stays in sight: the long note lies over none of the first row.
  for (const text of row) expect(boxesOverlap(await noteBox(ben, end), await noteBox(ben, text)), `the long note over ${text} while typing`).toBe(false)
  await ben.keyboard.press('Escape')

  for (const page of [ben, moderator]) {
    await expect.poll(async () => (await noteBox(page, end)).height / (await noteBox(page, end)).width).toBeGreaterThan(2)
    const grown = await noteBox(page, end)
    for (const text of row) expect(boxesOverlap(grown, await noteBox(page, text)), `the long note over ${text}`).toBe(false)
  }
})

test('a note posted with a long text from the list view does not cover the note below its slot once a canvas has measured it', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  // The top row and the first note of the second row; the first slot is free again.
  for (const text of ['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs']) await postNote(moderator, 0, text)
  await noteOnCanvas(moderator, 'Eins', 0).click()
  await moderator.keyboard.press('Delete')
  await expect(noteOnCanvas(moderator, 'Eins', 0)).toHaveCount(0)
  await expect(noteOnCanvas(anna, 'Eins', 0)).toHaveCount(0)

  // Anna posts a long text to question 1 in the list view: it would reach down over "Sechs".
  const lines = LONG_LINES.slice(0, 10)
  const last = lines.at(-1)!
  await anna.getByTestId('view-list').click()
  await anna.getByRole('textbox', { name: 'Neue Karte zu Frage 1' }).fill(['Radwege', ...lines].join('\n'))
  await anna.getByTestId('list-board-0').getByRole('button', { name: 'Karte senden' }).click()
  await expect(anna.getByTestId('list-note').filter({ hasText: last })).toHaveCount(1)

  for (const page of [moderator, anna]) {
    if (page === anna) await anna.getByTestId('view-canvas').click()
    await expect.poll(async () => (await noteBox(page, last)).height / (await noteBox(page, last)).width).toBeGreaterThan(1.3)
    await expect.poll(async () => {
      const long = await noteBox(page, last)
      const others = await Promise.all(['Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs'].map((text) => noteBox(page, text)))
      return others.some((other) => boxesOverlap(long, other))
    }, 'the long note over or under another').toBe(false)
    expect(boxHolds(await shapeBox(page, 'shape:board-0'), await noteBox(page, last)), 'the long note on its board').toBe(true)
  }
})

test('a long text a participant pastes onto the canvas becomes a note in a slot with room for all of it, not over the note below', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  // The top row and the first note of the second row; the first slot is free again.
  for (const text of ['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs']) await postNote(anna, 0, text)
  await anna.keyboard.press('Escape')
  await noteOnCanvas(anna, 'Eins', 0).click()
  await anna.keyboard.press('Delete')
  await expect(noteOnCanvas(anna, 'Eins', 0)).toHaveCount(0)

  // Pasted while one of her notes is selected (not open for typing): a note of its own on board 0.
  const lines = LONG_LINES.slice(0, 10)
  const last = lines.at(-1)!
  await anna.evaluate((text) => navigator.clipboard.writeText(text), ['Radwege', ...lines].join('\n'))
  await anna.keyboard.press('Escape')
  await noteOnCanvas(anna, 'Zwei', 0).click()
  await expect(anna.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  await anna.keyboard.press('Control+v')
  await expect(noteOnCanvas(anna, last, 0)).toBeVisible()

  await expect.poll(async () => (await noteBox(anna, last)).height / (await noteBox(anna, last)).width).toBeGreaterThan(1.3)
  const long = await noteBox(anna, last)
  for (const text of ['Zwei', 'Drei', 'Vier', 'Fünf', 'Sechs']) {
    expect(boxesOverlap(long, await noteBox(anna, text)), `${text} over or under the pasted note`).toBe(false)
  }
  expect(boxHolds(await shapeBox(anna, 'shape:board-0'), long), 'the pasted note on its board').toBe(true)
})
