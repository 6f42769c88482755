import { expect, test, type Page } from '@playwright/test'
import { createSession, getJson, join } from '../server/testing/apiClient.ts'
import { defaultTemplate } from '../shared/template/defaultTemplate.ts'
import { SyncTestClient } from '../server/testing/syncClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { closeContextsAfterEach } from './support/closeContextsAfterEach.ts'
import { watchForeignRequests } from './support/sameOrigin.ts'
import { boxesOverlap, boxHolds, boxOf, coveredBy } from './support/layoutChecks.ts'
import { joinAs, noteOnCanvas, noteShapeId, openModerator, postNote, waitForCanvas } from './support/workshopPages.ts'

/**
 * Moderation end to end (issue 3), in Chromium against the real server: clustering, a dot
 * voting round with its budget, the timer in server time, "Alle zu mir" and hidden mode.
 * Moderator actions go through the moderator panel (the HTTP moderation route behind it).
 */
const server = useBuiltServer()
closeContextsAfterEach()

// Each test drives two to three browsers with the full canvas; on a loaded two-core machine that
// takes longer than the default 90 s, though every step is bounded by its own expect timeout.
test.describe.configure({ timeout: 240_000 })

type Session = Awaited<ReturnType<typeof createSession>>

/** The session as the moderator's export sees it (structure and dots straight from the document). */
async function exported(session: Session): Promise<any> {
  const { status, json } = await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)
  expect(status).toBe(200)
  return json
}

test('the moderator forms a cluster of three notes and renames it; participants see it', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  // Everyone sees the phase; participants have no moderator panel.
  await expect(anna.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Sammeln')
  await expect(anna.getByTestId('moderator-panel')).toHaveCount(0)

  // (First the other board's: posting brings the view close to the board.)
  await postNote(anna, 1, 'Sportverein')
  await anna.keyboard.press('Shift+1') // tldraw's "zoom to fit": all boards again
  for (const text of ['Radwege', 'Busse', 'Carsharing', 'Parkplätze']) await postNote(anna, 0, text)
  for (const text of ['Radwege', 'Busse', 'Carsharing', 'Parkplätze']) await expect(noteOnCanvas(moderator, text, 0)).toBeVisible()

  await moderator.getByTestId('phase-cluster').click()
  await expect(anna.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Clustern')

  // tldraw's style panel shows only for a selection: open all the time it covered a board's corner.
  await expect(moderator.getByTestId('style.panel')).toHaveCount(0)
  // The moderator's header fits one row on a laptop (deleting the workshop is in the panel).
  expect((await moderator.locator('.session__bar').boundingBox())!.height).toBeLessThan(60)
  // Until the view is moved, a narrower canvas fits all five boards again, every "+ Karte" inside it.
  const overhang = async () => {
    const canvas = (await moderator.getByTestId('canvas-root').boundingBox())!
    const rights = await Promise.all([0, 1, 2, 3, 4].map(async (index) => (await moderator.getByTestId(`add-note-${index}`).boundingBox())!))
    return Math.max(...rights.map((box) => box.x + box.width)) - (canvas.x + canvas.width)
  }
  await moderator.setViewportSize({ width: 1000, height: 800 })
  await expect.poll(overhang).toBeLessThanOrEqual(0)
  await moderator.setViewportSize({ width: 1400, height: 900 })
  await expect.poll(overhang).toBeLessThanOrEqual(0)
  await expect(moderator.getByTestId('moderator-panel').getByTestId('delete-workshop')).toHaveCount(1)
  // Select three notes, not the second (click, then shift-click), and form the cluster.
  await noteOnCanvas(moderator, 'Radwege', 0).click()
  await expect(moderator.getByTestId('style.panel')).toBeVisible()
  await noteOnCanvas(moderator, 'Carsharing', 0).click({ modifiers: ['Shift'] })
  await noteOnCanvas(moderator, 'Parkplätze', 0).click({ modifiers: ['Shift'] })
  await expect(moderator.getByTestId('cluster-left-out')).toHaveCount(0)
  // A note of another question in the selection stays out of the cluster, and the toolbar says so.
  await noteOnCanvas(moderator, 'Sportverein', 1).click({ modifiers: ['Shift'] })
  await expect(moderator.getByTestId('cluster-left-out')).toHaveText('1 markierte Karte einer anderen Frage kommt nicht hinein')
  await expect(moderator.getByTestId('cluster-create')).toContainText('3')
  await moderator.getByTestId('cluster-create').click()
  await moderator.getByTestId('cluster-rename').fill('Mobilität')

  // The participant sees the cluster's name on the board; the export reads the structure.
  await expect(anna.locator('.tl-frame-heading', { hasText: 'Mobilität' })).toBeVisible()
  await expect
    .poll(async () => {
      const board = (await exported(session)).boards[0]
      return board.clusters.map((cluster: any) => ({ label: cluster.label, notes: cluster.notes.map((note: any) => note.text).sort() }))
    })
    .toEqual([{ label: 'Mobilität', notes: ['Carsharing', 'Parkplätze', 'Radwege'] }])
  // The cluster grew over the note left out; that note moved to a free spot instead of hiding behind it.
  const overlapsCluster = async () => {
    const frames = await Promise.all((await anna.locator('.tl-shape[data-shape-type="frame"]').all()).map((frame) => frame.boundingBox()))
    const cluster = frames.filter((box) => box !== null).sort((a, b) => a!.width - b!.width)[0]!
    // The note's own wrapper has no box (display: contents): tldraw's shape element around it has.
    const note = (await noteOnCanvas(anna, 'Busse', 0).locator('xpath=..').boundingBox())!
    return note.x < cluster.x + cluster.width && cluster.x < note.x + note.width && note.y < cluster.y + cluster.height && cluster.y < note.y + note.height
  }
  await expect.poll(overlapsCluster).toBe(false)
  await anna.screenshot({ path: testInfo.outputPath('participant-sees-cluster.png') })

  // The Beamer sees the cluster too, read-only.
  const beamer = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await beamer.goto(session.viewerUrl)
  await expect(beamer.getByTestId('readonly-badge')).toHaveText('Nur lesen')
  await expect(beamer.locator('.tl-frame-heading', { hasText: 'Mobilität' })).toBeVisible({ timeout: 60_000 })
  await expect(beamer.getByTestId('follow-moderator')).toBeVisible()

  // Dissolving puts the notes back onto the board.
  await moderator.getByTestId('cluster-dissolve').click()
  await expect(anna.locator('.tl-frame-heading', { hasText: 'Mobilität' })).toHaveCount(0)
  await expect.poll(async () => (await exported(session)).boards[0].unclusteredNotes.length).toBe(4)

  // The moderator removes a participant's note.
  await noteOnCanvas(moderator, 'Busse', 0).click()
  await moderator.keyboard.press('Delete')
  await expect(noteOnCanvas(anna, 'Busse', 0)).toHaveCount(0)
  await expect.poll(async () => (await exported(session)).boards[0].unclusteredNotes.length).toBe(3)
})

test('"Aufräumen" on a board holding more notes than its grid keeps every note on that board', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  const onBoard = (index: number) => moderator.locator(`[data-testid="note"][data-question-index="${index}"]`)
  // The board's grid holds 15; the others pile up on it.
  for (let i = 1; i <= 25; i++) await postNote(moderator, 0, `Karte ${i}`)
  await expect(onBoard(0)).toHaveCount(25)
  await moderator.getByTestId('board-tidy-0').click()
  // Tidied in the click's task. Flowed in rows past the board's bottom, the fifth row of notes
  // lay over the board below, and the canvas moved those notes there.
  await moderator.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(onBoard(2)).toHaveCount(0)
  await expect(onBoard(0)).toHaveCount(25)
})

/** Where a note of board 0 is on `page`'s screen (tldraw's shape element; the note's wrapper has no box). */
async function notePosition(page: Page, text: string): Promise<{ x: number; y: number }> {
  const box = (await noteOnCanvas(page, text, 0).locator('xpath=..').boundingBox())!
  return { x: Math.round(box.x), y: Math.round(box.y) }
}

/** Drags a note of board 0 on `page` by (dx, dy) screen pixels, with the mouse. */
async function dragNote(page: Page, text: string, dx: number, dy: number): Promise<void> {
  const start = await notePosition(page, text)
  await page.mouse.move(start.x + 30, start.y + 30)
  await page.mouse.down()
  await page.mouse.move(start.x + 30 + dx, start.y + 30 + dy, { steps: 8 })
  await page.mouse.up()
}

/** The screen box of the board's only cluster on `page` (the narrowest frame: boards are wider). */
async function clusterBox(page: Page) {
  const frames = await Promise.all((await page.locator('.tl-shape[data-shape-type="frame"]').all()).map((frame) => frame.boundingBox()))
  return frames.filter((box) => box !== null).sort((a, b) => a!.width - b!.width)[0]!
}

/** Whether the cluster on `page` holds the note `text` entirely (its frame clips what is outside). */
async function clusterHolds(page: Page, text: string): Promise<boolean> {
  const cluster = await clusterBox(page)
  const note = (await noteOnCanvas(page, text, 0).locator('xpath=..').boundingBox())!
  return boxHolds(cluster, note)
}

test('a cluster grows around a note dropped in at its edge and around a note moved to its edge', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  for (const text of ['Radwege', 'Busse', 'Carsharing']) await postNote(moderator, 0, text)
  await noteOnCanvas(moderator, 'Radwege', 0).click()
  await noteOnCanvas(moderator, 'Busse', 0).click({ modifiers: ['Shift'] })
  await moderator.getByTestId('cluster-create').click()
  const clusterNotes = async () => (await exported(session)).boards[0].clusters.map((cluster: any) => cluster.notes.map((note: any) => note.text).sort())
  await expect.poll(clusterNotes).toEqual([['Busse', 'Radwege']])
  await moderator.keyboard.press('Escape')

  // The moderator drops "Carsharing" into the cluster with the pointer just inside its right edge:
  // the note hangs out to the right, and the cluster grows around it.
  const before = await clusterBox(moderator)
  const loose = (await noteOnCanvas(moderator, 'Carsharing', 0).locator('xpath=..').boundingBox())!
  await moderator.mouse.move(loose.x + 10, loose.y + 10)
  await moderator.mouse.down()
  await moderator.mouse.move(before.x + before.width - 10, before.y + before.height / 2, { steps: 10 })
  await moderator.mouse.up()
  await expect.poll(clusterNotes).toEqual([['Busse', 'Carsharing', 'Radwege']])
  await expect.poll(() => clusterHolds(moderator, 'Carsharing')).toBe(true)
  expect((await clusterBox(moderator)).width).toBeGreaterThan(before.width)
  // The participant sees the grown cluster too: the server took the moderator's change.
  await expect.poll(() => clusterHolds(anna, 'Carsharing')).toBe(true)

  // A note of the cluster moved towards its bottom edge, the pointer still inside: it grows down.
  const grown = await clusterBox(moderator)
  const inside = (await noteOnCanvas(moderator, 'Radwege', 0).locator('xpath=..').boundingBox())!
  await moderator.mouse.move(inside.x + 10, inside.y + 10)
  await moderator.mouse.down()
  await moderator.mouse.move(inside.x + 10, grown.y + grown.height - 8, { steps: 10 })
  await moderator.mouse.up()
  await expect.poll(() => clusterHolds(moderator, 'Radwege')).toBe(true)
  expect((await clusterBox(moderator)).height).toBeGreaterThan(grown.height)
  await expect.poll(clusterNotes).toEqual([['Busse', 'Carsharing', 'Radwege']])
  await expect.poll(() => clusterHolds(anna, 'Radwege')).toBe(true)
})

test('in the clustering phase a participant’s note dropped at a full cluster’s edge goes in beside the others, and the cluster grows around it', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  for (const text of ['Radwege', 'Busse', 'Carsharing']) await postNote(anna, 0, text)
  for (const text of ['Radwege', 'Busse', 'Carsharing']) await expect(noteOnCanvas(moderator, text, 0)).toBeVisible()
  await noteOnCanvas(moderator, 'Radwege', 0).click()
  await noteOnCanvas(moderator, 'Busse', 0).click({ modifiers: ['Shift'] })
  await moderator.getByTestId('cluster-create').click()
  await moderator.getByTestId('phase-cluster').click()
  await expect(anna.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Clustern')
  const clusterNotes = async () => (await exported(session)).boards[0].clusters.map((cluster: any) => cluster.notes.map((note: any) => note.text).sort())
  await expect.poll(clusterNotes).toEqual([['Busse', 'Radwege']])

  // Anna may regroup her notes but not change the cluster: her note goes to a free spot beside
  // the others, past the full cluster's edge, and the server grows the cluster around it.
  const cluster = await clusterBox(anna)
  const loose = (await noteOnCanvas(anna, 'Carsharing', 0).locator('xpath=..').boundingBox())!
  await anna.mouse.move(loose.x + 10, loose.y + 10)
  await anna.mouse.down()
  await anna.mouse.move(cluster.x + cluster.width - 10, cluster.y + cluster.height - 10, { steps: 10 })
  await anna.mouse.up()
  await expect.poll(clusterNotes).toEqual([['Busse', 'Carsharing', 'Radwege']])
  await expect.poll(() => clusterHolds(anna, 'Carsharing')).toBe(true)
  await expect.poll(() => clusterHolds(moderator, 'Carsharing')).toBe(true)
  const grownTo = await clusterBox(anna)
  expect(grownTo.width * grownTo.height).toBeGreaterThan(cluster.width * cluster.height)
  const noteBox = async (text: string) => (await noteOnCanvas(anna, text, 0).locator('xpath=..').boundingBox())!
  const dropped = await noteBox('Carsharing')
  for (const other of ['Busse', 'Radwege']) expect(boxesOverlap(dropped, await noteBox(other)), `Carsharing on ${other}`).toBe(false)
})

test('a cluster grows around its note that gets taller while typed in or is nudged; a participant’s nudged note stays inside', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  await postNote(anna, 0, 'Annas Karte')
  for (const text of ['Radwege', 'Busse']) await postNote(moderator, 0, text)
  await expect(noteOnCanvas(moderator, 'Annas Karte', 0)).toBeVisible()
  await noteOnCanvas(moderator, 'Radwege', 0).click()
  await noteOnCanvas(moderator, 'Busse', 0).click({ modifiers: ['Shift'] })
  await noteOnCanvas(moderator, 'Annas Karte', 0).click({ modifiers: ['Shift'] })
  await moderator.getByTestId('cluster-create').click()
  const clusterNotes = async () => (await exported(session)).boards[0].clusters.map((cluster: any) => cluster.notes.map((note: any) => note.text).sort())
  await expect.poll(clusterNotes).toEqual([['Annas Karte', 'Busse', 'Radwege']])
  await moderator.keyboard.press('Escape')

  // The moderator types lines into "Radwege": the note gets taller, and the cluster with it.
  const before = await clusterBox(moderator)
  await noteOnCanvas(moderator, 'Radwege', 0).dblclick()
  await expect(moderator.locator('.tl-shape [contenteditable="true"]')).toHaveCount(1)
  // (tldraw selects the whole text on opening: it is typed anew.)
  await moderator.keyboard.type('Radwege')
  for (const line of ['sicherer', 'breiter', 'beleuchtet', 'durchgehend', 'geräumt', 'markiert', 'gepflegt']) {
    await moderator.keyboard.press('Enter')
    await moderator.keyboard.type(line)
  }
  await expect.poll(() => clusterHolds(moderator, 'Radwege')).toBe(true)
  expect((await clusterBox(moderator)).height).toBeGreaterThan(before.height)
  await moderator.keyboard.press('Escape')
  await expect.poll(() => clusterHolds(anna, 'Radwege')).toBe(true)

  // Nudged right with the arrow keys (10 px a press with Shift), "Busse" stays held: the cluster grows.
  const grown = await clusterBox(moderator)
  await noteOnCanvas(moderator, 'Busse', 0).click()
  for (let press = 0; press < 6; press++) await moderator.keyboard.press('Shift+ArrowRight')
  await expect.poll(async () => (await clusterBox(moderator)).width).toBeGreaterThan(grown.width)
  await expect.poll(() => clusterHolds(moderator, 'Busse')).toBe(true)
  await moderator.keyboard.press('Escape')

  // In the clustering phase Anna may move her note but not change the cluster: nudged down past
  // its edge, her note stays inside the frame, which keeps its size.
  await moderator.getByTestId('phase-cluster').click()
  await expect(anna.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Clustern')
  await expect.poll(() => clusterHolds(anna, 'Busse')).toBe(true)
  const seen = await clusterBox(anna)
  const annasNote = noteOnCanvas(anna, 'Annas Karte', 0).locator('xpath=..')
  const annaBefore = (await annasNote.boundingBox())!
  // (Her note is still selected from posting it: a click would open it for typing.)
  await anna.keyboard.press('Escape')
  await anna.keyboard.press('Escape')
  await noteOnCanvas(anna, 'Annas Karte', 0).click()
  await expect(anna.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  for (let press = 0; press < 20; press++) await anna.keyboard.press('Shift+ArrowDown')
  // It moved down (the cluster is as tall as the moderator's long note), and no further than the frame.
  await expect.poll(async () => (await annasNote.boundingBox())!.y).toBeGreaterThan(annaBefore.y + 20)
  await expect.poll(() => clusterHolds(anna, 'Annas Karte')).toBe(true)
  await expect.poll(() => clusterHolds(moderator, 'Annas Karte')).toBe(true)
  expect(await clusterBox(anna)).toEqual(seen)
})

test('the moderator’s undo after "Aufräumen" takes back the tidying, not a note a participant moved since', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  for (const text of ['Eins', 'Zwei', 'Drei']) await postNote(anna, 0, text)
  for (const text of ['Eins', 'Zwei', 'Drei']) await expect(noteOnCanvas(moderator, text, 0)).toBeVisible()
  // The moderator pulls "Eins" out of the row, so tidying moves all three.
  await dragNote(moderator, 'Eins', 40, 130)
  const untidy = { Eins: await notePosition(moderator, 'Eins'), Zwei: await notePosition(moderator, 'Zwei') }
  const untidyForAnna = await notePosition(anna, 'Zwei')
  await moderator.getByTestId('board-tidy-0').click()
  await expect.poll(() => notePosition(moderator, 'Zwei')).not.toEqual(untidy.Zwei)
  const tidied = await notePosition(moderator, 'Eins')
  expect(tidied).not.toEqual(untidy.Eins)
  const tidiedZwei = await notePosition(moderator, 'Zwei')

  // Anna then moves her note "Eins"; the moderator sees it move.
  await dragNote(anna, 'Eins', 30, 110)
  await expect.poll(() => notePosition(moderator, 'Eins')).not.toEqual(tidied)
  const movedByAnna = { moderator: await notePosition(moderator, 'Eins'), anna: await notePosition(anna, 'Eins') }
  // ... and takes back her note "Drei".
  await noteOnCanvas(anna, 'Drei', 0).click()
  await anna.keyboard.press('Delete')
  await expect(noteOnCanvas(moderator, 'Drei', 0)).toHaveCount(0)

  // Ctrl+Z takes the tidying back: "Zwei" returns to where it was; "Eins" stays where Anna put it,
  // and "Drei" stays deleted.
  await moderator.keyboard.press('Escape')
  await moderator.keyboard.press('Control+z')
  await expect.poll(() => notePosition(moderator, 'Zwei')).toEqual(untidy.Zwei)
  expect(await notePosition(moderator, 'Eins')).toEqual(movedByAnna.moderator)
  await expect.poll(() => notePosition(anna, 'Zwei')).toEqual(untidyForAnna)
  expect(await notePosition(anna, 'Eins')).toEqual(movedByAnna.anna)
  await expect(noteOnCanvas(moderator, 'Drei', 0)).toHaveCount(0)
  await expect(noteOnCanvas(anna, 'Drei', 0)).toHaveCount(0)
  await expect.poll(async () => (await exported(session)).boards[0].unclusteredNotes.map((note: any) => note.text).sort()).toEqual(['Eins', 'Zwei'])

  // Redo tidies again what the undo took back, and still leaves Anna's note alone.
  await moderator.keyboard.press('Control+Shift+z')
  await expect.poll(() => notePosition(moderator, 'Zwei')).toEqual(tidiedZwei)
  expect(await notePosition(moderator, 'Eins')).toEqual(movedByAnna.moderator)
  await expect(noteOnCanvas(moderator, 'Drei', 0)).toHaveCount(0)
})

test('a voting round with three dots: the fourth is refused, results are ranked at the end', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const ben = await joinAs(browser, session.participantUrl, 'Ben')
  const moderator = await openModerator(browser, session)
  await postNote(ben, 2, 'Spielplatz')
  await postNote(ben, 2, 'Jugendzentrum')
  const first = await noteShapeId(ben, 'Spielplatz')
  const second = await noteShapeId(ben, 'Jugendzentrum')

  await moderator.getByTestId('voting-dots-input').fill('3')
  await moderator.getByTestId('voting-hide-results').check()
  await moderator.getByTestId('voting-start').click()
  await expect(ben.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Punkten')
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 3 von 3 Punkten')

  // Over all boards (the moderator's view) a note is too small for the controls, which covered
  // each other there: a badge per note brings its board close, and there the controls are.
  await expect(moderator.getByTestId(`dot-zoom-${first}`)).toHaveText('+')
  await expect(moderator.locator('[data-testid^="dot-add-"]')).toHaveCount(0)
  await moderator.getByTestId(`dot-zoom-${first}`).click()
  await expect(moderator.getByTestId(`dot-add-${first}`)).toBeVisible()
  await expect(moderator.locator('[data-testid^="dot-zoom-"]')).toHaveCount(0)
  await moderator.keyboard.press('Shift+1') // tldraw's "zoom to fit": all boards again
  await expect(moderator.getByTestId(`dot-zoom-${first}`)).toBeVisible()

  // Ben is close to the board he wrote on.
  await ben.getByTestId(`dot-add-${first}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 2 von 3 Punkten')
  await ben.getByTestId(`dot-add-${first}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 1 von 3 Punkten')
  await ben.getByTestId(`dot-add-${second}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 3 Punkten')
  // Results are hidden: Ben sees only his own dots.
  await expect(ben.getByTestId(`dot-count-${first}`)).toHaveText('2 von dir')

  // The fourth dot is refused: the button says so and a click changes nothing.
  const fourth = ben.getByTestId(`dot-add-${second}`)
  await expect(fourth).toHaveAttribute('aria-disabled', 'true')
  await fourth.click({ force: true })
  await expect(ben.getByTestId(`dot-count-${second}`)).toHaveText('1 von dir')
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 3 Punkten')
  const dotsOf = async () => {
    const notes = (await exported(session)).boards[2].unclusteredNotes
    return Object.fromEntries(notes.map((note: any) => [note.text, note.dots]))
  }
  await expect.poll(dotsOf).toEqual({ Spielplatz: 2, Jugendzentrum: 1 })
  // The moderator sees all counts while the round runs (zoomed out, in the badges).
  await expect(moderator.getByTestId(`dot-zoom-${first}`)).toHaveText('2')
  await expect(moderator.getByTestId(`dot-zoom-${second}`)).toHaveText('1')
  await moderator.screenshot({ path: testInfo.outputPath('moderator-badges.png') })
  await ben.screenshot({ path: testInfo.outputPath('budget-used.png') })

  // Taking a dot back frees it again.
  await ben.getByTestId(`dot-remove-${second}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 1 von 3 Punkten')
  await ben.getByTestId(`dot-add-${second}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 3 Punkten')

  await moderator.getByTestId('voting-end').click()
  const results = ben.getByTestId('voting-results')
  await expect(results).toBeVisible()
  const ranking = results.getByTestId('voting-results-board-2').getByTestId('voting-result')
  await expect(ranking).toHaveText([/^1\.\s*Spielplatz\s*2 Punkte$/, /^2\.\s*Jugendzentrum\s*1 Punkt$/])
  // After the round everyone sees the counts.
  await expect(ben.getByTestId(`dot-count-${first}`)).toHaveText('2 Punkte · 2 von dir')
  await ben.screenshot({ path: testInfo.outputPath('voting-results.png') })

  // Closed, the results stay closed after a reload, and open again on request.
  await results.getByTestId('voting-results-close').click()
  await expect(results).toHaveCount(0)
  await ben.reload()
  await waitForCanvas(ben)
  await expect(ben.getByTestId(`dot-zoom-${first}`)).toHaveText('2')
  await expect(results).toHaveCount(0)
  await ben.getByTestId('voting-results-open').click()
  await expect(results).toBeVisible()
})

test('the Beamer keeps following the moderation when a round ends and the results open beside its canvas', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  const beamer = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await beamer.goto(session.viewerUrl)
  await waitForCanvas(beamer)
  const follow = beamer.getByTestId('follow-moderator')
  await expect(follow).toBeChecked()
  await moderator.getByTestId('voting-start').click()
  await expect(beamer.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Punkten')
  const canvasWidth = async () => (await beamer.locator('.tl-canvas').boundingBox())!.width
  const before = await canvasWidth()
  await moderator.getByTestId('voting-end').click()
  await expect(beamer.getByTestId('voting-results')).toBeVisible()
  // The canvas beside the results is narrower; the Beamer's view changed size and still follows
  // (the canvas's own fitting moved the camera, which ended the following: follow mode went off).
  await expect.poll(canvasWidth).toBeLessThan(before)
  await beamer.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(follow).toBeChecked()
})

test('the dot controls leave every author’s name readable; a cluster’s and its notes’ controls, and the badges zoomed out, stay apart', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna Müller')
  const moderator = await openModerator(browser, session)
  for (const text of ['Radwege', 'Busse', 'Carsharing']) await postNote(anna, 0, text)
  await moderator.getByTestId('phase-cluster').click()
  await noteOnCanvas(moderator, 'Radwege', 0).click()
  await noteOnCanvas(moderator, 'Busse', 0).click({ modifiers: ['Shift'] })
  await moderator.getByTestId('cluster-create').click()
  await moderator.getByTestId('cluster-rename').fill('Mobilität')
  await moderator.getByTestId('voting-dots-input').fill('9')
  await moderator.getByTestId('voting-start').click()

  // Two dots each: "2 von dir" makes the controls as wide as they get while a round runs.
  const radwege = await noteShapeId(anna, 'Radwege')
  const carsharing = await noteShapeId(anna, 'Carsharing')
  const cluster = anna.locator('.canvas-dots--cluster [data-testid^="dot-add-"]')
  for (const add of [anna.getByTestId(`dot-add-${radwege}`), anna.getByTestId(`dot-add-${carsharing}`), cluster]) {
    await add.click()
    await add.click()
  }
  await expect(anna.getByTestId('dots-left')).toHaveText('Noch 3 von 9 Punkten')
  const controls = anna.locator('[data-testid^="dot-controls-"]')
  await expect(controls).toHaveCount(4)
  const authors = anna.getByTestId('note-author')
  await expect(authors).toHaveCount(3)
  for (const control of await controls.all()) expect(await coveredBy(control, authors), 'author lines under dot controls').toEqual([])
  const noOverlaps = async (locator: typeof controls) => {
    const boxes = await Promise.all((await locator.all()).map(boxOf))
    for (const [index, box] of boxes.entries())
      for (const other of boxes.slice(index + 1)) expect(boxesOverlap(box, other), 'two dot controls on each other').toBe(false)
  }
  // No two controls overlap: neighbours' in the cluster (their counts wrap within the note), a
  // cluster's and its notes', nor those of a note beside the cluster.
  await noOverlaps(controls)
  await anna.screenshot({ path: testInfo.outputPath('dots-close.png') })

  // Zoomed out over all boards, the badges do not cover each other either.
  await anna.keyboard.press('Shift+1')
  const badges = anna.locator('[data-testid^="dot-zoom-"]')
  await expect(badges).toHaveCount(4)
  await noOverlaps(badges)
  await anna.screenshot({ path: testInfo.outputPath('dots-badges.png') })
})

test('a dot on a note the moderator removes goes back to its voter; after undo its dots count again and those placed meanwhile do not', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const ben = await joinAs(browser, session.participantUrl, 'Ben')
  const moderator = await openModerator(browser, session)
  await postNote(ben, 1, 'Beleidigung')
  await postNote(ben, 1, 'Radweg')
  const abusive = await noteShapeId(ben, 'Beleidigung')
  const kept = await noteShapeId(ben, 'Radweg')
  await moderator.getByTestId('voting-dots-input').fill('2')
  await moderator.getByTestId('voting-start').click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 2 von 2 Punkten')
  await ben.getByTestId(`dot-add-${abusive}`).click()
  await ben.getByTestId(`dot-add-${abusive}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 2 Punkten')
  await expect(ben.getByTestId(`dot-add-${kept}`)).toHaveAttribute('aria-disabled', 'true')

  // The moderator removes the note on the canvas: Ben has his two dots back and places them elsewhere.
  await noteOnCanvas(moderator, 'Beleidigung').click()
  await moderator.keyboard.press('Delete')
  await expect(noteOnCanvas(ben, 'Beleidigung')).toHaveCount(0)
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 2 von 2 Punkten')
  await ben.getByTestId(`dot-add-${kept}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 1 von 2 Punkten')
  await ben.getByTestId(`dot-add-${kept}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 2 Punkten')
  // The server agrees: the export counts only the dots on the note that is there.
  await expect.poll(async () => (await exported(session)).boards[1].ranking.map((entry: any) => [entry.label, entry.dots])).toEqual([['Radweg', 2]])

  // Undone, the note brings its dots back: Ben now holds four dots of a budget of two. The two he
  // placed first count, as if the note had never been gone; the two placed meanwhile do not, and
  // he sees that (faded, explained) and can take them off.
  await moderator.keyboard.press('ControlOrMeta+z')
  await expect(noteOnCanvas(ben, 'Beleidigung')).toHaveCount(1)
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 2 Punkten')
  await expect(ben.getByTestId(`dot-count-${abusive}`)).toHaveText('2 Punkte · 2 von dir')
  await expect(ben.getByTestId(`dot-count-${kept}`)).toHaveText('0 Punkte')
  await expect(ben.getByTestId(`dot-beyond-budget-${kept}`)).toHaveText('2 zählen nicht')
  await expect(ben.getByTestId(`dot-beyond-budget-${abusive}`)).toHaveCount(0)
  await expect(ben.getByTestId('dots-beyond-budget')).toHaveText('2 zählen nicht')
  await expect(ben.getByTestId('dots-beyond-budget')).toHaveAttribute('title', /Die zuletzt gesetzten zählen nicht/)
  await ben.screenshot({ path: testInfo.outputPath('beyond-budget.png') })
  await expect.poll(async () => (await exported(session)).boards[1].ranking.map((entry: any) => [entry.label, entry.dots])).toEqual([['Beleidigung', 2]])

  // He takes them off (the server lets him, though he is over the budget until both are gone).
  await expect(ben.getByTestId(`dot-remove-${kept}`)).toHaveAttribute('aria-disabled', 'false')
  await ben.getByTestId(`dot-remove-${kept}`).click()
  await expect(ben.getByTestId(`dot-beyond-budget-${kept}`)).toHaveText('1 zählt nicht')
  await ben.getByTestId(`dot-remove-${kept}`).click()
  await expect(ben.getByTestId(`dot-beyond-budget-${kept}`)).toHaveCount(0)
  await expect(ben.getByTestId('dots-beyond-budget')).toHaveCount(0)
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 2 Punkten')
  // From the server's side too: two of his dots are left, both on the note that came back.
  const dots = new SyncTestClient(server.origin, session.id)
  try {
    await dots.synced()
    await expect.poll(() => ([...dots.doc.getMap('dots').values()] as { targetId: string }[]).map((dot) => dot.targetId)).toEqual([abusive, abusive])
  } finally {
    dots.destroy()
  }
  await expect.poll(async () => (await exported(session)).boards[1].ranking.map((entry: any) => [entry.label, entry.dots])).toEqual([['Beleidigung', 2]])
})

/** Seconds shown by a "m:ss" countdown. */
async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('timer-display').textContent()) ?? ''
  const match = /^(\d+):(\d\d)$/.exec(text.trim())
  expect(match, `countdown "${text}"`).not.toBeNull()
  return Number(match![1]) * 60 + Number(match![2])
}

test('the timer shows the same time in two browsers and ends visibly', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const clara = await joinAs(browser, session.participantUrl, 'Clara')
  const moderator = await openModerator(browser, session)

  // Not a duration: said as such (minutes may have a fraction, so not "a whole number").
  await moderator.getByTestId('timer-minutes').fill('fünf')
  await moderator.getByTestId('timer-start').click()
  await expect(moderator.getByTestId('toast').filter({ hasText: 'Bitte eine Dauer von einer Sekunde bis 1440 Minuten eingeben, z. B. 5 oder 1,5.' })).toBeVisible()
  await moderator.getByTestId('timer-minutes').fill('5')
  await moderator.getByTestId('timer-start').click()
  await expect(clara.getByTestId('timer-display')).toHaveText(/^[45]:\d\d$/)
  await expect(moderator.getByTestId('timer-display')).toHaveText(/^[45]:\d\d$/)
  const [a, b] = await Promise.all([shownSeconds(clara), shownSeconds(moderator)])
  expect(Math.abs(a - b), `${a} s vs ${b} s`).toBeLessThanOrEqual(1)
  expect(a).toBeGreaterThan(280)

  await moderator.getByTestId('timer-stop').click()
  await expect(clara.getByTestId('timer-display')).toHaveCount(0)

  // A short timer runs out: both show 0:00 and "Zeit ist um".
  await moderator.getByTestId('timer-minutes').fill('0.05')
  await moderator.getByTestId('timer-start').click()
  await expect(clara.getByTestId('timer-up')).toHaveText('Zeit ist um', { timeout: 15_000 })
  await expect(clara.getByTestId('timer-display')).toHaveText('0:00')
  await expect(moderator.getByTestId('timer-up')).toBeVisible()
  await clara.screenshot({ path: testInfo.outputPath('time-is-up.png') })
  // The time ran out in that phase: the next phase ends it, for everyone.
  await moderator.getByTestId('phase-cluster').click()
  await expect(clara.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Clustern')
  await expect(clara.getByTestId('timer-display')).toHaveCount(0)
  await expect(moderator.getByTestId('timer-display')).toHaveCount(0)
})

/**
 * Brings `page`'s view onto one board the way a person does: "+ Karte" there zooms onto the
 * board (from the overview every session starts with); Escape leaves the empty card.
 */
async function viewBoard(page: Page, questionIndex: number): Promise<void> {
  await page.getByTestId(`add-note-${questionIndex}`).click()
  await page.keyboard.press('Escape')
}

test('"Alle zu mir" brings the participant’s view to the moderator’s board', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const dora = await joinAs(browser, session.participantUrl, 'Dora')
  const moderator = await openModerator(browser, session)
  const header = (page: Page, index: number) => page.locator(`[data-shape-id="shape:board-${index}-header"]`)

  await viewBoard(moderator, 3)
  await expect(header(moderator, 3)).toBeInViewport()
  await viewBoard(dora, 0)
  await expect(header(dora, 0)).toBeInViewport()
  await expect(header(dora, 3)).not.toBeInViewport()

  await moderator.getByTestId('summon').click()
  await expect(header(dora, 3)).toBeInViewport({ ratio: 0.5 })
  await expect(header(dora, 0)).not.toBeInViewport()
  await dora.screenshot({ path: testInfo.outputPath('summoned.png') })

  // Follow mode: Dora's view follows the moderator's without a summon.
  await dora.getByTestId('follow-moderator').check()
  // Back to the overview (tldraw's "zoom to fit", Shift+1, with the canvas focused), then onto board 2.
  await moderator.locator('.tl-canvas').click({ position: { x: 40, y: 300 } })
  await moderator.keyboard.press('Shift+1')
  await viewBoard(moderator, 1)
  await expect(header(dora, 1)).toBeInViewport({ ratio: 0.5 })
  await expect(header(dora, 3)).not.toBeInViewport()
})

test('hidden mode: nobody else can read a note before the reveal, everyone after', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const emil = await joinAs(browser, session.participantUrl, 'Emil')
  const fiona = await joinAs(browser, session.participantUrl, 'Fiona')
  const moderator = await openModerator(browser, session)

  await moderator.getByTestId('hidden-mode-toggle').click()
  await expect(emil.getByTestId('hidden-mode-indicator')).toBeVisible()

  // Emil's "+ Karte" now posts through the server.
  await emil.getByTestId('add-note-1').click()
  await emil.getByTestId('sealed-note-input').fill('Geheimer Vorschlag')
  await emil.getByTestId('sealed-note-send').click()
  await emil.getByTestId('sealed-note-close').click()
  // Emil sees his own text on the covered card; Fiona sees a covered card without text.
  await expect(emil.locator('[data-testid="sealed-note"][data-mine="true"]')).toContainText('Geheimer Vorschlag')
  await expect(fiona.getByTestId('sealed-note')).toHaveText('verdeckt')
  expect(await fiona.content()).not.toContain('Geheimer Vorschlag')
  // Emil's covered card is a placeholder: it does not open for typing, and leaving it keeps it
  // (an empty card is removed when its editing ends).
  await noteOnCanvas(emil, 'Geheimer Vorschlag', 1).dblclick()
  await emil.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(noteOnCanvas(emil, 'Geheimer Vorschlag', 1).locator('[contenteditable="true"]')).toHaveCount(0)
  await emil.keyboard.press('Escape')
  await expect(emil.locator('[data-testid="sealed-note"][data-mine="true"]')).toHaveCount(1)
  await expect(emil.getByTestId('note')).toHaveCount(1)

  // Not in anyone else's document either: a stock client sees an empty placeholder.
  const other = await join(server.origin, session.id, 'Gustav')
  const client = new SyncTestClient(server.origin, session.id, { participant: other.participantToken })
  try {
    await client.synced()
    expect(client.noteTexts()).toHaveLength(1)
    expect(JSON.stringify(client.doc.toJSON())).not.toContain('Geheimer Vorschlag')
  } finally {
    client.destroy()
  }
  await fiona.screenshot({ path: testInfo.outputPath('covered.png') })

  // The reveal, while Fiona has the hidden-card dialog open: it says that sending is open now.
  // Her own card, handed in from it, is confirmed as hidden and then as revealed.
  await fiona.getByTestId('add-note-1').click()
  await expect(fiona.getByTestId('sealed-note-title')).toHaveText('Verdeckte Karte zu Frage 2')
  await fiona.getByTestId('sealed-note-input').fill('Fionas Vorschlag')
  await fiona.getByTestId('sealed-note-send').click()
  const fionaStatus = fiona.getByTestId('sealed-note-dialog').getByRole('status')
  await expect(fionaStatus).toHaveText('Deine Karte ist verdeckt abgegeben.')
  await moderator.getByTestId('hidden-mode-toggle').click()
  await expect(fiona.getByTestId('sealed-note-title')).toHaveText('Karte zu Frage 2 – aufgedeckt, sie hängt sofort sichtbar an der Pinnwand')
  await expect(fionaStatus).toHaveText('Deine Karte ist aufgedeckt und hängt an der Pinnwand.')
  await fiona.getByTestId('sealed-note-close').click()
  // Both see the text as an ordinary note.
  await expect(noteOnCanvas(fiona, 'Geheimer Vorschlag', 1)).toBeVisible()
  await expect(noteOnCanvas(emil, 'Geheimer Vorschlag', 1)).toBeVisible()
  await expect(fiona.getByTestId('sealed-note')).toHaveCount(0)
  await fiona.screenshot({ path: testInfo.outputPath('revealed.png') })
})

/**
 * Pastes onto the canvas as Ctrl+V does: a paste event carrying text, or a file made in the page
 * (`noiseJpeg`: 1,500 px of noise, which compresses badly, a JPEG of about 1.7 MB; `video`: an mp4;
 * `hugeSvg`: a 1.3 MB drawing of 20,000 rectangles, which no raster copy replaces).
 */
function paste(page: Page, what: { text: string } | { file: 'noiseJpeg' | 'video' | 'hugeSvg' }): Promise<void> {
  return page.evaluate(async (what) => {
    const data = new DataTransfer()
    if ('text' in what) data.setData('text/plain', what.text)
    else if (what.file === 'video') data.items.add(new File([new Uint8Array(4096)], 'film.mp4', { type: 'video/mp4' }))
    else if (what.file === 'hugeSvg') {
      const rects = Array.from({ length: 20_000 }, (_, i) => `<rect x="${(i * 7) % 800}" y="${(i * 13) % 600}" width="9" height="9" fill="#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}"/>`)
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">${rects.join('')}</svg>`
      data.items.add(new File([svg], 'plan.svg', { type: 'image/svg+xml' }))
    }
    else {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 1500
      const context = canvas.getContext('2d')!
      const pixels = context.createImageData(1500, 1500)
      for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 ? 255 : (Math.random() * 256) | 0
      context.putImageData(pixels, 0, 0)
      const jpeg = await new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/jpeg', 0.95))
      if (jpeg.size < 1024 * 1024) throw new Error(`test photo only ${jpeg.size} bytes`)
      data.items.add(new File([jpeg], 'foto.jpg', { type: 'image/jpeg' }))
    }
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, what)
}

test('a pasted link becomes a bookmark naming its address, without a request to the linked site', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  const foreign: string[] = []
  watchForeignRequests(moderator.context(), server.origin, foreign)
  const errors: string[] = []
  moderator.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })

  // A YouTube link would be an embed framing youtube.com, any other a bookmark fetching the page.
  const links = ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.example.org/beteiligung/']
  const bookmarks = moderator.locator('.tl-shape[data-shape-type="bookmark"]')
  for (const [index, link] of links.entries()) {
    // On the empty canvas left of the boards, nothing selected (a selection would take the paste).
    await moderator.keyboard.press('Escape')
    await moderator.mouse.click(120, 300 + index * 200)
    await paste(moderator, { text: link })
    await expect(bookmarks).toHaveCount(index + 1)
  }
  await expect(bookmarks.filter({ hasText: 'www.example.org/beteiligung' })).toHaveCount(1)
  await expect(bookmarks.filter({ hasText: 'www.youtube.com/watch?v=dQw4w9WgXcQ' })).toHaveCount(1)
  await expect(moderator.locator('.tl-shape[data-shape-type="embed"]')).toHaveCount(0)
  await expect(moderator.locator('.tlui-toast__title')).toHaveCount(0)

  // No "Insert embed" in the main menu; tldraw's other insert item is still there.
  await moderator.getByTestId('main-menu.button').click()
  await expect(moderator.getByTestId('main-menu.insert-media')).toBeVisible()
  await expect(moderator.getByTestId('main-menu.insert-embed')).toHaveCount(0)

  expect(foreign, 'requests that left the origin').toEqual([])
  expect(errors, 'console errors (a CSP violation is one)').toEqual([])
})

test('a pasted photo too large for one message is made smaller and reaches the others; a change too large to send is dropped with a message', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  const participant = await joinAs(browser, session.participantUrl, 'Paula')
  await moderator.mouse.click(120, 300)
  await paste(moderator, { file: 'noiseJpeg' })
  // The participant's board shows the photo, smaller than the server's message limit (1 MiB).
  const photo = participant.locator('.tl-shape[data-shape-type="image"] img')
  await expect(photo).toHaveCount(1, { timeout: 30_000 })
  const src = (await photo.getAttribute('src'))!
  expect(src.startsWith('data:image/jpeg;base64,')).toBe(true)
  expect(src.length).toBeLessThan(1024 * 1024)
  await expect(moderator.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')

  // A film would never fit: tldraw refuses it by its type.
  await paste(moderator, { file: 'video' })
  await expect(moderator.locator('.tlui-toast__title').first()).toBeVisible()
  await expect(moderator.locator('.tl-shape[data-shape-type="video"]')).toHaveCount(0)

  // A drawing that no smaller copy replaces is refused, and leaves no empty image behind.
  await moderator.keyboard.press('Escape')
  await moderator.mouse.click(120, 600)
  await paste(moderator, { file: 'hugeSvg' })
  await expect(moderator.getByTestId('toast').filter({ hasText: 'Das Bild passt auch verkleinert nicht auf die Pinnwand' })).toBeVisible({ timeout: 30_000 })
  for (const page of [moderator, participant]) await expect(page.locator('.tl-shape[data-shape-type="image"]')).toHaveCount(1)

  // 1.3 MB of pasted text: the server cuts the message off; the change is dropped, not re-sent forever.
  const texts = moderator.locator('.tl-shape[data-shape-type="text"]')
  const before = await texts.count()
  await paste(moderator, { text: 'Sehr langer eingefügter Text. '.repeat(45_000) })
  await expect(moderator.getByTestId('toast').filter({ hasText: 'Eine Änderung war zu groß, um sie an den Server zu senden' })).toBeVisible({ timeout: 30_000 })
  await expect(moderator.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 30_000 })
  await expect(texts).toHaveCount(before)
  await expect(moderator.locator('.tl-shape[data-shape-type="image"]')).toHaveCount(1)
})

test('every label of the moderator panel stays inside it, in German and English; a long question ends in an ellipsis with its full text in the title', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  const panel = moderator.getByTestId('moderator-panel')
  /** Texts of the panel that reach past its right edge (where it clipped them), and how far it scrolls sideways. */
  const overflow = () =>
    panel.evaluate((element) => {
      const right = element.getBoundingClientRect().left + element.clientLeft + element.clientWidth
      const escaping = [...element.querySelectorAll('h2, h3, button, label, p, span, input')]
        .filter((child) => child.getBoundingClientRect().right > right + 0.5)
        .map((child) => child.textContent)
      return { escaping, sideways: element.scrollWidth - element.clientWidth }
    })
  for (const [width, height] of [
    [1400, 900],
    [1280, 720],
  ] as const) {
    await moderator.setViewportSize({ width, height })
    await expect(panel.locator('h2')).toHaveText('Moderation')
    expect(await overflow(), `German, ${width}×${height}`).toEqual({ escaping: [], sideways: 0 })
    await moderator.getByTestId('language-toggle').click()
    await expect(panel.locator('h2')).toHaveText('Facilitation')
    expect(await overflow(), `English, ${width}×${height}`).toEqual({ escaping: [], sideways: 0 })
    await moderator.getByTestId('language-toggle').click()
  }
  // The longest guiding question is cut with an ellipsis; its title holds all of it.
  const question = panel.locator('.moderator-panel__question').nth(3)
  await expect(question).toHaveAttribute('title', defaultTemplate.questions[3]!)
  expect(await question.evaluate((element) => element.scrollWidth > element.clientWidth && getComputedStyle(element).textOverflow === 'ellipsis')).toBe(true)
})

test('the voting results lie beside the boards: tldraw’s main menu opens and works, no board’s question is covered', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  await moderator.getByTestId('voting-start').click()
  await expect(moderator.getByTestId('voting-end')).toBeEnabled()
  await moderator.getByTestId('voting-end').click()
  const results = moderator.getByTestId('voting-results')
  await expect(results).toBeVisible()

  await moderator.getByTestId('main-menu.button').click()
  const edit = moderator.getByTestId('main-menu-sub.edit-button')
  await expect(edit).toBeVisible()
  expect(boxesOverlap(await boxOf(results), await boxOf(moderator.locator('.tlui-menu').first()))).toBe(false)
  // A trial click fails when another element would receive it.
  await edit.click({ trial: true, timeout: 5_000 })
  await moderator.keyboard.press('Escape')

  expect(await coveredBy(results, moderator.locator('.tl-frame-heading'))).toEqual([])
  expect(await coveredBy(results, moderator.locator('.tlui-menu-zone, .tlui-toolbar__inner'))).toEqual([])
})

test('the "Gesperrt" badge of a locked board covers neither its question nor "+ Karte"', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  await moderator.getByTestId('lock-board-3').click()
  const badge = moderator.getByTestId('board-locked-3')
  for (const [width, height] of [
    [1400, 900],
    [1280, 720],
  ] as const) {
    await moderator.setViewportSize({ width, height })
    await moderator.keyboard.press('Shift+1') // tldraw's "zoom to fit": all boards
    await expect(badge).toBeVisible()
    const texts = moderator.locator('.tl-frame-heading, [data-shape-id="shape:board-3-header"], [data-testid="add-note-3"]')
    expect(await coveredBy(badge, texts), `${width}×${height}`).toEqual([])
  }
})
