import { expect, test, type Page } from '@playwright/test'
import { createSession, getJson, moderate } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { closeContextsAfterEach } from './support/closeContextsAfterEach.ts'
import { boxesOverlap, boxHolds, type Box } from './support/layoutChecks.ts'
import { joinAs, noteOnCanvas, openModerator, postNote } from './support/workshopPages.ts'

/**
 * Nothing a participant wrote or placed disappears without a word: the hidden-mode dialog keeps
 * its unsent text when closed (client/canvas/sealedNoteStore.ts); a participant's note dropped at
 * a full cluster's corner does not land on the note there, the cluster grows around it
 * (placeDroppedNotesInCluster, server/sync/clustersAroundGrownNotes.ts).
 */
const server = useBuiltServer()
closeContextsAfterEach()

test.describe.configure({ timeout: 180_000 })

test('hidden mode: text typed into "Verdeckte Karte" and left with Escape is there again when "+ Karte" reopens the dialog', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  await moderator.getByTestId('hidden-mode-toggle').click()
  await expect(anna.getByTestId('hidden-mode-indicator')).toBeVisible()

  await anna.getByTestId('add-note-0').click()
  await expect(anna.getByTestId('sealed-note-dialog')).toBeVisible()
  await anna.getByTestId('sealed-note-input').fill('Mehr Bänke am Marktplatz')
  await anna.keyboard.press('Escape')
  await expect(anna.getByTestId('sealed-note-dialog')).toHaveCount(0)

  await anna.getByTestId('add-note-0').click()
  await expect(anna.getByTestId('sealed-note-input')).toHaveValue('Mehr Bänke am Marktplatz')
  // Another question's dialog has its own (empty) draft.
  await anna.getByTestId('sealed-note-close').click()
  await anna.getByTestId('add-note-1').click()
  await expect(anna.getByTestId('sealed-note-input')).toHaveValue('')
  await anna.getByTestId('sealed-note-close').click()

  // Sent, the draft is gone: the next card starts empty.
  await anna.getByTestId('add-note-0').click()
  await anna.getByTestId('sealed-note-send').click()
  await expect(anna.getByTestId('sealed-note-dialog').getByRole('status')).not.toBeEmpty()
  await expect(anna.getByTestId('sealed-note-input')).toHaveValue('')
  await anna.getByTestId('sealed-note-close').click()
  await anna.getByTestId('add-note-0').click()
  await expect(anna.getByTestId('sealed-note-input')).toHaveValue('')
  await expect(anna.locator('[data-testid="sealed-note"][data-mine="true"]')).toContainText('Mehr Bänke am Marktplatz')
})

type Session = Awaited<ReturnType<typeof createSession>>

/** Board 0's clusters, each by its notes' texts (sorted), as the export reads the document. */
async function clusterNotes(session: Session): Promise<string[][]> {
  const { status, json } = await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)
  expect(status).toBe(200)
  return json.boards[0].clusters.map((cluster: any) => cluster.notes.map((note: any) => note.text).sort())
}

/** The screen box of the only cluster on `page`. */
async function clusterBox(page: Page): Promise<Box> {
  return (await page.locator('.tl-shape[data-shape-type="frame"]:not([data-shape-id^="shape:board-"])').boundingBox())!
}

/** The screen box of a note of board 0 (tldraw's shape element; the note's wrapper has no box). */
async function noteBox(page: Page, text: string): Promise<Box> {
  return (await noteOnCanvas(page, text, 0).locator('xpath=..').boundingBox())!
}

test('a participant’s note dropped just inside a full cluster’s bottom-right corner covers no note there: the cluster grows around it', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  const moderator = await openModerator(browser, session)
  await postNote(moderator, 0, 'Radwege')
  await postNote(moderator, 0, 'Busse')
  await postNote(anna, 0, 'Annas Karte')
  await expect(noteOnCanvas(moderator, 'Annas Karte', 0)).toBeVisible()
  // "Verkehr": two notes side by side, the cluster just around them.
  await moderator.keyboard.press('Escape')
  await noteOnCanvas(moderator, 'Radwege', 0).click()
  await noteOnCanvas(moderator, 'Busse', 0).click({ modifiers: ['Shift'] })
  await moderator.getByTestId('cluster-create').click()
  await moderator.keyboard.press('Escape')
  await expect.poll(() => clusterNotes(session)).toEqual([['Busse', 'Radwege']])
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setPhase', phase: 'cluster' })).status).toBe(200)
  await expect.poll(async () => (await clusterBox(anna)) !== null && boxHolds(await clusterBox(anna), await noteBox(anna, 'Busse'))).toBe(true)
  const before = await clusterBox(anna)
  const widthBefore = new Map([[anna, before.width], [moderator, (await clusterBox(moderator)).width]])
  const unit = (await noteBox(anna, 'Annas Karte')).width / 200 // screen pixels per canvas unit

  await anna.keyboard.press('Escape')
  const loose = await noteBox(anna, 'Annas Karte')
  await anna.mouse.move(loose.x + 60 * unit, loose.y + 20 * unit)
  await anna.mouse.down()
  await anna.mouse.move(before.x + before.width - 10 * unit, before.y + before.height - 10 * unit, { steps: 10 })
  await anna.mouse.up()
  await expect.poll(() => clusterNotes(session)).toEqual([['Annas Karte', 'Busse', 'Radwege']])

  // For the moderator (and Anna): the cluster grew, holds all three, and none lies on another.
  for (const page of [moderator, anna]) {
    await expect.poll(async () => (await clusterBox(page)).width).toBeGreaterThan(widthBefore.get(page)! * 1.3)
    const cluster = await clusterBox(page)
    const [annas, radwege, busse] = await Promise.all(['Annas Karte', 'Radwege', 'Busse'].map((text) => noteBox(page, text)))
    for (const note of [annas!, radwege!, busse!]) expect(boxHolds(cluster, note)).toBe(true)
    expect(boxesOverlap(annas!, busse!)).toBe(false)
    expect(boxesOverlap(annas!, radwege!)).toBe(false)
  }
})

test('hidden mode offline on the canvas: the card from "+ Karte" is kept and handed in, once, when the connection is back, the dialog closed', async ({ browser }) => {
  const session = await createSession(server.origin)
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })).status).toBe(200)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await expect(anna.getByTestId('hidden-mode-indicator')).toBeVisible()

  await anna.context().setOffline(true)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await anna.getByTestId('add-note-0').click()
  await anna.getByTestId('sealed-note-input').fill('Verdeckt vom Laptop ohne Netz')
  await anna.getByTestId('sealed-note-send').click()
  await expect(anna.getByTestId('sealed-note-dialog').getByRole('status')).toContainText('sobald die Verbindung zurück ist')
  await anna.getByTestId('sealed-note-close').click()

  await anna.context().setOffline(false)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(anna.locator('[data-testid="sealed-note"][data-mine="true"]')).toContainText('Verdeckt vom Laptop ohne Netz')
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: false })).status).toBe(200)
  const exported = (await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)).json
  expect(exported.boards[0].unclusteredNotes.map((note: { text: string }) => note.text)).toEqual(['Verdeckt vom Laptop ohne Netz'])
})
