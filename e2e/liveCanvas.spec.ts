import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { createSession, join as joinSession, moderate } from '../server/testing/apiClient.ts'
import { boardId } from '../shared/workshop/workshopRecords.ts'
import { SyncTestClient } from '../server/testing/syncClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { boxesOverlap, boxHolds, boxOf, coveredBy, type Box } from './support/layoutChecks.ts'
import { watchForeignRequests } from './support/sameOrigin.ts'
import { createWorkshopOnStartPage, joinAs, joinInContext, noteOnCanvas, pasteNote, postNote, waitForCanvas } from './support/workshopPages.ts'

const server = useBuiltServer()

test('two participants share notes live, and the notes survive a server restart', async ({ browser }, testInfo) => {
  const organiser = await browser.newContext()
  const foreign = watchForeignRequests(organiser, server.origin)
  const startPage = await organiser.newPage()
  const links = await createWorkshopOnStartPage(startPage, server.origin)
  expect(links.participantUrl).toMatch(/\/s\/[A-Za-z0-9_-]{22,}$/)
  expect(links.moderatorUrl).toContain('#moderator=')
  await startPage.screenshot({ path: testInfo.outputPath('start-page.png') })

  const anna = await joinAs(browser, links.participantUrl, 'Anna', foreign)
  const ben = await joinAs(browser, links.participantUrl, 'Ben', foreign)

  // Every board shows its full question as header.
  await expect(ben.getByText('welche zivilgesellschaftlichen Initiativen aufgegriffen und gestärkt werden sollten,', { exact: false }).first()).toBeVisible()

  // Presence: each sees the other online.
  await expect(anna.getByTestId('online-list')).toContainText('Ben')
  await expect(ben.getByTestId('online-list')).toContainText('Anna')

  await postNote(anna, 1, 'Mehr Bürgerhaushalt')
  // Ben sees it on the second board, signed with Anna's name.
  const note = noteOnCanvas(ben, 'Mehr Bürgerhaushalt', 1)
  await expect(note).toBeVisible()
  await expect(note.getByTestId('note-author')).toHaveText('Anna')
  await ben.screenshot({ path: testInfo.outputPath('ben-sees-annas-note.png') })

  await server.process.restart()
  await ben.reload()
  await expect(ben.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await waitForCanvas(ben)
  await expect(noteOnCanvas(ben, 'Mehr Bürgerhaushalt', 1)).toBeVisible()
  await expect(noteOnCanvas(ben, 'Mehr Bürgerhaushalt', 1).getByTestId('note-author')).toHaveText('Anna')
  await ben.screenshot({ path: testInfo.outputPath('after-restart.png') })

  expect(foreign, 'requests that left the origin').toEqual([])
})

test('a note written offline is kept on the device and reaches the others when the connection returns', async ({ browser }) => {
  const created = await (await fetch(`${server.origin}/api/sessions`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).json()
  const anna = await joinAs(browser, created.participantUrl, 'Anna')
  const ben = await joinAs(browser, created.participantUrl, 'Ben')

  await anna.context().setOffline(true)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await postNote(anna, 0, 'Im Funkloch geschrieben')
  await expect(noteOnCanvas(anna, 'Im Funkloch geschrieben', 0)).toBeVisible()

  await anna.context().setOffline(false)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 30_000 })
  await expect(noteOnCanvas(ben, 'Im Funkloch geschrieben', 0)).toBeVisible()
  await expect(noteOnCanvas(ben, 'Im Funkloch geschrieben', 0).getByTestId('note-author')).toHaveText('Anna')
})

test('an offline note the server refuses on reconnect is dropped with a message, and the board resyncs', async ({ browser }) => {
  const created = await (await fetch(`${server.origin}/api/sessions`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).json()
  const moderatorToken = new URL(created.moderatorUrl).hash.replace('#moderator=', '')
  const anna = await joinAs(browser, created.participantUrl, 'Anna')

  await anna.context().setOffline(true)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await postNote(anna, 2, 'Zu spät')
  await expect(noteOnCanvas(anna, 'Zu spät', 2)).toBeVisible()

  // Meanwhile the moderator locks that board.
  const locked = await fetch(`${server.origin}/api/sessions/${created.id}/moderation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${moderatorToken}` },
    body: JSON.stringify({ action: 'lockBoard', boardId: 'shape:board-2', locked: true }),
  })
  expect(locked.status).toBe(200)

  await anna.context().setOffline(false)
  // The server's reason arrives as English text; the toast gives it in the page's language.
  await expect(anna.getByTestId('toast').filter({ hasText: 'abgelehnt (Diese Leitfrage ist gesperrt)' })).toBeVisible({ timeout: 30_000 })
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 30_000 })
  await waitForCanvas(anna)
  await expect(noteOnCanvas(anna, 'Zu spät')).toHaveCount(0)
  // The board is locked now: no "+ Karte" on it, the others still offered.
  await expect(anna.getByTestId('add-note-2')).toHaveCount(0)
  await expect(anna.getByTestId('add-note-1')).toBeVisible()
})

test('an author name that fits is shown whole; a longer one ends in an ellipsis', async ({ browser }) => {
  const created = await (await fetch(`${server.origin}/api/sessions`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).json()
  // 13 of the widest Latin letter: the longest name drawn without a clip (NoteAuthorLine.tsx).
  const wide = 'W'.repeat(13)
  const long = 'Maximiliane Schmidt-Hohenstein'
  const writer = await joinAs(browser, created.participantUrl, wide)
  await postNote(writer, 0, 'Breiter Name')
  const other = await joinAs(browser, created.participantUrl, long)
  await postNote(other, 0, 'Langer Name')
  await other.keyboard.press('Escape') // nothing selected: both notes drawn as static notes

  const line = (text: string) =>
    noteOnCanvas(other, text, 0)
      .getByTestId('note-author')
      .evaluate((element) => ({ text: element.textContent, scroll: element.scrollWidth, client: element.clientWidth, overflow: getComputedStyle(element).textOverflow }))
  await expect(noteOnCanvas(other, 'Breiter Name', 0)).toBeVisible()
  const whole = await line('Breiter Name')
  expect(whole.text).toBe(wide)
  expect(whole.scroll, 'the name fits its line').toBeLessThanOrEqual(whole.client)
  const cut = await line('Langer Name')
  expect(cut.text).toBe(long)
  expect(cut.scroll, 'the long name is wider than its line').toBeGreaterThan(cut.client)
  expect(cut.overflow).toBe('ellipsis')
})

test('a participant opens only their own notes for typing; a card left empty goes; boards do not clip notes; tldraw speaks the app’s language', async ({ browser }) => {
  const created = await (await fetch(`${server.origin}/api/sessions`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).json()
  // Playwright's browser is English: tldraw followed the browser, not the app, before.
  const anna = await joinAs(browser, created.participantUrl, 'Anna')
  const ben = await joinAs(browser, created.participantUrl, 'Ben')
  await expect(ben.getByTestId('tools.select')).toHaveAttribute('aria-label', /^Auswählen/)
  await expect(ben.getByTestId('tools.note')).toHaveAttribute('aria-label', /^Karte/)

  await postNote(anna, 0, 'Annas Karte')
  await postNote(ben, 0, 'Bens Karte')
  // A board does not clip its notes (a long one on the bottom row went on below its edge, cut off).
  const clip = await noteOnCanvas(ben, 'Bens Karte', 0).evaluate((element) => getComputedStyle(element.closest('.tl-shape')!).clipPath)
  expect(clip).toBe('none')
  const typing = ben.locator('.tl-shape [contenteditable="true"]')
  // Ben's own note opens for typing on a double click...
  await noteOnCanvas(ben, 'Bens Karte', 0).dblclick()
  await expect(typing).toHaveCount(1)
  await ben.keyboard.press('Escape')
  await ben.keyboard.press('Escape')
  await expect(typing).toHaveCount(0)
  // ...Anna's does not (what Ben typed into it was undone afterwards, silently). tldraw handles
  // the double click within the next frames; two frames later there is still no text editor.
  await noteOnCanvas(ben, 'Annas Karte', 0).dblclick()
  await ben.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(typing).toHaveCount(0)
  await ben.keyboard.press('Escape')

  // "+ Karte" and then Escape: the empty card is there while Ben could type, and then gone for everyone.
  const notes = (page: typeof ben) => page.locator('[data-testid="note"]')
  // (The double click brought Anna's board close; its "+ Karte" is on screen.)
  await ben.getByTestId('add-note-0').click()
  await expect(notes(ben)).toHaveCount(3)
  await ben.keyboard.press('Escape')
  await expect(notes(ben)).toHaveCount(2)
  await expect(notes(anna)).toHaveCount(2)

  await ben.getByTestId('language-toggle').click()
  await expect(ben.getByTestId('tools.select')).toHaveAttribute('aria-label', /^Select/)
})

test('in the clustering phase a participant’s own note does not open for typing, so nothing she types is refused afterwards', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await postNote(anna, 0, 'Annas Karte')
  await expect(noteOnCanvas(moderator, 'Annas Karte', 0)).toBeVisible()
  await moderator.getByTestId('phase-cluster').click()
  await expect(anna.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Clustern')
  const typing = anna.locator('.tl-shape [contenteditable="true"]')
  // A double click, and Enter on the selected note: no text editor (it opened, and what she typed
  // was refused when she was done: "In der Phase „Clustern“ können Karten nicht bearbeitet werden").
  await noteOnCanvas(anna, 'Annas Karte', 0).dblclick()
  await anna.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(typing).toHaveCount(0)
  await anna.keyboard.press('Enter')
  await anna.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(typing).toHaveCount(0)
  await anna.keyboard.press('Escape')
  await expect(anna.getByTestId('toast')).toHaveCount(0)
  // Collecting again: her note opens for typing.
  await moderator.getByTestId('phase-collect').click()
  await expect(anna.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Sammeln')
  await noteOnCanvas(anna, 'Annas Karte', 0).dblclick()
  await expect(typing).toHaveCount(1)
})

test('a full room folds the names in the header into a list that opens; a small one names everyone', async ({ browser }) => {
  const session = await createSession(server.origin)
  const names = ['Anna', 'Ben', 'Cem', 'Dörte', 'Elif', 'Frank', 'Gisela']
  const others: SyncTestClient[] = []
  try {
    for (const name of names) {
      const joined = await joinSession(server.origin, session.id, name)
      const client = new SyncTestClient(server.origin, session.id, { participant: joined.participantToken })
      client.provider.awareness.setLocalStateField('user', { participantId: joined.participantId, name, color: '#e03131', role: 'participant' })
      others.push(client)
    }
    const zara = await joinAs(browser, session.participantUrl, 'Zara')
    const folded = zara.getByTestId('online-folded')
    await expect(folded.locator('summary')).toHaveText('8 online')
    await expect(zara.getByTestId('online-list')).toBeHidden()
    // The header stays one row high instead of giving a row to eight names.
    expect((await zara.locator('.session__bar').boundingBox())!.height).toBeLessThan(60)
    await folded.locator('summary').click()
    await expect(zara.getByTestId('online-list')).toBeVisible()
    for (const name of names) await expect(zara.getByTestId('online-list')).toContainText(name)
    await expect(zara.getByTestId('online-list')).toContainText('Zara (du)')

    for (const client of others.splice(0, 3)) client.destroy()
    await expect(zara.getByTestId('online-folded')).toHaveCount(0)
    await expect(zara.getByTestId('online-list')).toBeVisible()
    await expect(zara.locator('.online__count')).toHaveText('5 online')
  } finally {
    for (const client of others) client.destroy()
  }
})

test('a note the moderator deletes while its author types in it: the author gets the text to copy', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.getByTestId('add-note-0').click()
  await anna.keyboard.type('Gleich weg')
  await expect(noteOnCanvas(moderator, 'Gleich weg', 0)).toBeVisible()
  await anna.keyboard.type(' und noch mehr')
  await noteOnCanvas(moderator, 'Gleich weg', 0).click()
  await moderator.keyboard.press('Delete')
  await expect(noteOnCanvas(anna, 'Gleich weg', 0)).toHaveCount(0)
  const kept = anna.getByTestId('toast').filter({ has: anna.getByTestId('toast-kept-text') })
  await expect(kept).toContainText('Diese Karte wurde gelöscht, während du geschrieben hast')
  await expect(kept.getByTestId('toast-kept-text')).toHaveValue('Gleich weg und noch mehr')
})

test('typing held by a lock goes out when the board is unlocked, and the toast saying it would not goes with it', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.getByTestId('add-note-0').click()
  await anna.keyboard.type('Vor der Sperre')
  await expect(noteOnCanvas(moderator, 'Vor der Sperre', 0)).toBeVisible()
  await moderator.getByTestId('lock-board-0').click()
  await expect(anna.getByTestId('board-locked-0')).toBeVisible()
  await anna.keyboard.type(' und danach')
  const held = anna.getByTestId('toast').filter({ hasText: 'wird nicht mehr gesendet' })
  await expect(held).toBeVisible()
  await moderator.getByTestId('lock-board-0').click()
  await expect(anna.getByTestId('board-locked-0')).toHaveCount(0)
  await anna.keyboard.type('!')
  // Sent after all: by the time it reaches the moderator, Anna's toast is gone (it stayed 10 s).
  await expect(noteOnCanvas(moderator, 'Vor der Sperre', 0)).toContainText('und danach!')
  expect(await held.count()).toBe(0)
})

test('typing on when the moderator locks the board or ends the collecting: the text stays, is not sent, and is offered to copy', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const typing = anna.locator('.tl-shape [contenteditable="true"]')

  // Anna writes; what she typed before the lock reaches everyone.
  await anna.getByTestId('add-note-0').click()
  await anna.keyboard.type('Vor der Sperre')
  await expect(noteOnCanvas(moderator, 'Vor der Sperre', 0)).toBeVisible()
  await moderator.getByTestId('lock-board-0').click()
  await expect(anna.getByTestId('board-locked-0')).toBeVisible()
  // She goes on typing: the note keeps every letter (each one was taken back before), and she is told at once.
  await anna.keyboard.type(' und danach')
  await expect(typing).toHaveText('Vor der Sperre und danach')
  await expect(anna.getByTestId('toast').filter({ hasText: 'Diese Leitfrage ist gesperrt. Was du jetzt noch schreibst, wird nicht mehr gesendet' })).toBeVisible()
  await anna.keyboard.press('Escape')
  // Done typing: the board keeps what it had, and Anna gets her whole text to copy.
  const kept = anna.getByTestId('toast').filter({ has: anna.getByTestId('toast-kept-text') })
  await expect(kept).toContainText('Nicht gesendet (Diese Leitfrage ist gesperrt)')
  await expect(kept.getByTestId('toast-kept-text')).toHaveValue('Vor der Sperre und danach')
  await expect(anna.getByTestId('toast')).toHaveCount(1) // it replaces the one said while typing
  await kept.getByTestId('toast-copy').click()
  await expect(kept.getByTestId('toast-copy')).toHaveText('Kopiert')
  expect(await anna.evaluate(() => navigator.clipboard.readText())).toBe('Vor der Sperre und danach')
  await expect(noteOnCanvas(anna, 'Vor der Sperre', 0)).not.toContainText('danach')
  await expect(noteOnCanvas(moderator, 'Vor der Sperre', 0)).not.toContainText('danach')
  await kept.getByRole('button', { name: '×' }).click()
  await anna.keyboard.press('Shift+1') // tldraw's "zoom to fit": all boards again

  // The same when the moderator moves on to clustering, where notes are no longer edited.
  await anna.getByTestId('add-note-1').click()
  await anna.keyboard.type('Noch gesammelt')
  await expect(noteOnCanvas(moderator, 'Noch gesammelt', 1)).toBeVisible()
  await moderator.getByTestId('phase-cluster').click()
  await expect(anna.getByTestId('phase-indicator').locator('[aria-current="step"]')).toHaveText('Clustern')
  await anna.keyboard.type(', schon geclustert')
  await expect(typing).toHaveText('Noch gesammelt, schon geclustert')
  await anna.keyboard.press('Escape')
  await expect(anna.getByTestId('toast-kept-text')).toHaveValue('Noch gesammelt, schon geclustert')
  await expect(noteOnCanvas(moderator, 'Noch gesammelt', 1)).not.toContainText('geclustert')
})

test('tldraw’s toolbar covers no board, question or "+ Karte" on arrival, also on a canvas narrow enough for its two-row toolbar', async ({ browser }) => {
  const session = await createSession(server.origin)
  for (const [width, height] of [
    [1400, 900],
    [1280, 720],
    [800, 700],
  ] as const) {
    const anna = await joinAs(browser, session.participantUrl, 'Anna', [], { width, height })
    await expect(anna.getByTestId('add-note-4')).toBeVisible()
    // Below tldraw's tablet breakpoint its undo and redo sit on a row above the tools.
    if (width < 840) await expect(anna.getByRole('button', { name: /^(Rückgängig|Undo)/ })).toBeVisible()
    const toolbar = anna.locator('.tlui-main-toolbar__inner')
    const boardParts = anna.locator('[data-shape-id^="shape:board-"], .tl-frame-heading, [data-testid^="add-note-"]')
    expect(await coveredBy(toolbar, boardParts), `${width}×${height}`).toEqual([])
    await anna.context().close()
  }
})

test('a long display name is cut with an ellipsis in the header, which stays one row on a laptop', async ({ browser }) => {
  const session = await createSession(server.origin)
  const name = 'Maximiliane Musterfrau-Schmidt von Hohenlohe-Ingelfingen'
  const page = await joinAs(browser, session.participantUrl, name)
  const self = page.getByTestId('online-list').getByRole('listitem').filter({ hasText: name.slice(0, 12) })
  await expect(self).toHaveAttribute('title', name)
  expect(await self.locator('.online__name').evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
  // Only the name is cut: "(du)" after it is whole, inside the entry.
  const you = self.locator('.online__self')
  await expect(you).toHaveText(' (du)')
  const entry = (await self.boundingBox())!
  const youBox = (await you.boundingBox())!
  expect(youBox.width).toBeGreaterThan(10)
  expect(youBox.x + youBox.width).toBeLessThanOrEqual(entry.x + entry.width + 0.5)
  expect((await page.locator('.session__bar').boundingBox())!.height).toBeLessThan(60)
})

test('what a participant pastes onto a selected note becomes their notes on that board: a text, and a copy of someone else’s note', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await postNote(anna, 0, 'Eins')
  await postNote(moderator, 0, 'Moni-Karte')
  await expect(noteOnCanvas(anna, 'Moni-Karte', 0)).toBeVisible()

  // Text from elsewhere, pasted while her note is selected (it became a text shape, refused, the text gone).
  await anna.evaluate(() => navigator.clipboard.writeText('Eingefügter Text'))
  await anna.keyboard.press('Escape') // nothing selected: a click on a selected note opens it for typing
  await noteOnCanvas(anna, 'Eins', 0).click()
  await expect(anna.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  await anna.keyboard.press('Control+v')
  await expect(noteOnCanvas(moderator, 'Eingefügter Text', 0)).toBeVisible()
  await expect(noteOnCanvas(moderator, 'Eingefügter Text', 0).getByTestId('note-author')).toHaveText('Anna')
  await expect(noteOnCanvas(moderator, 'Eins', 0)).toBeVisible()

  // A copy of Moni's note (it came back under Moni's name, off the board, and was refused).
  await noteOnCanvas(anna, 'Moni-Karte', 0).click()
  await anna.keyboard.press('Control+c')
  await noteOnCanvas(anna, 'Eins', 0).click()
  await anna.keyboard.press('Control+v')
  await expect(noteOnCanvas(moderator, 'Moni-Karte', 0)).toHaveCount(2)
  await expectAuthorsOf(noteOnCanvas(moderator, 'Moni-Karte', 0), ['Anna', 'Moni'])
  await expect(anna.getByTestId('toast')).toHaveCount(0)
})

test('in hidden mode, what a participant pastes becomes her hidden cards, covered for the others until the reveal; what the server refuses is offered to copy', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await postNote(moderator, 0, 'Moni-Karte')
  // A copy of Moni's note, taken before the collecting goes hidden.
  await noteOnCanvas(anna, 'Moni-Karte', 0).click()
  await anna.keyboard.press('Control+c')
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })).status).toBe(200)
  await expect(anna.getByTestId('hidden-mode-indicator')).toBeVisible()

  // Pasted onto Moni's note (it was refused as an open card, its text only offered to copy).
  await anna.keyboard.press('Control+v')
  const annasCovered = anna.locator('[data-testid="sealed-note"][data-mine="true"]')
  await expect(annasCovered).toHaveCount(1)
  await expect(annasCovered).toContainText('Moni-Karte')
  // Text from elsewhere, pasted with nothing selected.
  await anna.evaluate(() => navigator.clipboard.writeText('Verdeckt eingefügt'))
  await anna.keyboard.press('Escape')
  await anna.mouse.click(150, 500)
  await anna.keyboard.press('Control+v')
  await expect(annasCovered).toHaveCount(2)
  await expect(annasCovered.filter({ hasText: 'Verdeckt eingefügt' })).toHaveCount(1)
  await expect(anna.getByTestId('toast')).toHaveCount(0)
  // The others see covered cards, and nobody's document holds the texts.
  await expect(moderator.getByTestId('sealed-note')).toHaveCount(2)
  await expect(moderator.getByTestId('sealed-note')).toHaveText(['verdeckt', 'verdeckt'])
  expect(await moderator.content()).not.toContain('Verdeckt eingefügt')

  // While no cards are taken, the paste is refused by the server and the text is kept to copy.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setPhase', phase: 'cluster' })).status).toBe(200)
  await anna.evaluate(() => navigator.clipboard.writeText('Zu spät eingefügt'))
  await anna.mouse.click(150, 500)
  await anna.keyboard.press('Control+v')
  await expect(anna.getByTestId('toast').filter({ hasText: 'Nicht gesendet' })).toBeVisible()
  await expect(anna.getByTestId('toast-kept-text')).toHaveValue('Zu spät eingefügt')

  // The reveal: both pasted cards hang openly, as Anna's.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: false })).status).toBe(200)
  for (const text of ['Verdeckt eingefügt', 'Moni-Karte']) {
    await expect(noteOnCanvas(moderator, text).filter({ has: moderator.getByTestId('note-author').getByText('Anna', { exact: true }) })).toHaveCount(1)
  }
  await expect(moderator.getByTestId('sealed-note')).toHaveCount(0)
  await expect(noteOnCanvas(moderator, 'Zu spät eingefügt')).toHaveCount(0)
})

/**
 * A gate on a person's connection that the test closes and opens, each way on its own: a slow
 * network, made exact. While a way is held its messages wait; `release()` sends all that waited, in order.
 */
interface Gate {
  holdUp: boolean
  holdDown: boolean
  release(): void
}

/** Joins `url` as `name` in a fresh browser whose connection to the server runs through a {@link Gate} (open). */
async function joinBehindGate(browser: Browser, url: string, name: string): Promise<{ page: Page; gate: Gate }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const held: Array<() => void> = []
  const gate: Gate = { holdUp: false, holdDown: false, release: () => held.splice(0).forEach((send) => send()) }
  await context.routeWebSocket(/\/yjs\//, (page) => {
    const toServer = page.connectToServer()
    page.onMessage((message) => (gate.holdUp ? held.push(() => toServer.send(message)) : toServer.send(message)))
    toServer.onMessage((message) => (gate.holdDown ? held.push(() => page.send(message)) : page.send(message)))
  })
  return { page: await joinInContext(context, url, name), gate }
}

/**
 * Anna (behind a gate) types "Vor der Sperre" into a new note on board 0, which reaches the
 * moderator; then " und danach", held on its way, while the moderator locks the board.
 */
async function typingHeldWhileTheBoardIsLocked(browser: Browser): Promise<{ moderator: Page; anna: Page; gate: Gate }> {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const { page: anna, gate } = await joinBehindGate(browser, session.participantUrl, 'Anna')
  await anna.getByTestId('add-note-0').click()
  await anna.keyboard.type('Vor der Sperre')
  await expect(noteOnCanvas(moderator, 'Vor der Sperre', 0)).toBeVisible()
  gate.holdUp = true
  await anna.keyboard.type(' und danach')
  await moderator.getByTestId('lock-board-0').click()
  await expect(anna.getByTestId('board-locked-0')).toBeVisible()
  return { moderator, anna, gate }
}

test('typing still on its way when the board is locked: the server refuses it and the board reloads, and the note’s text is offered to copy', async ({ browser }) => {
  const { moderator, anna, gate } = await typingHeldWhileTheBoardIsLocked(browser)
  // Now Anna's last letters reach the server, after the lock: refused, her board reloads.
  gate.holdUp = false
  gate.release()
  await expect(anna.getByTestId('toast').filter({ hasText: 'Die Pinnwand wird neu geladen' })).toBeVisible()
  await expect(anna.getByTestId('toast-kept-text')).toHaveValue('Vor der Sperre und danach')
  await expect(noteOnCanvas(moderator, 'Vor der Sperre', 0)).not.toContainText('danach')

  // Anna types on into the reloaded board: her keys are no shortcuts there ("N" opened a new note
  // on another board, and the rest of the word went into it), until she clicks the canvas.
  await expect(noteOnCanvas(anna, 'Vor der Sperre', 0)).toBeVisible()
  await anna.keyboard.type('Nachtrag')
  await anna.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await expect(anna.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  await expect(anna.locator('[data-testid="note"]')).toHaveCount(1)
  // A click on the canvas gives the keys back to it: H is the hand tool again.
  // (Beside the boards: the toast with her text lies over her note.)
  await anna.mouse.click(150, 500)
  await anna.keyboard.press('h')
  await expect(anna.getByTestId('tools.hand')).toHaveAttribute('aria-pressed', 'true')
})

test('a refusal while the person is not typing: the reloaded board takes keyboard shortcuts at once', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  // A note written offline (typed and left with Escape) onto a board the moderator locks meanwhile.
  await anna.context().setOffline(true)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await postNote(anna, 2, 'Zu spät')
  await expect(anna.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'lockBoard', boardId: boardId(2), locked: true })).status).toBe(200)
  await anna.context().setOffline(false)
  await expect(anna.getByTestId('toast').filter({ hasText: 'Die Pinnwand wird neu geladen' })).toBeVisible({ timeout: 30_000 })
  // The reloaded board (the locked one offers no "+ Karte") takes her keys without a click: H is the hand tool.
  await expect(anna.getByTestId('add-note-1')).toBeVisible({ timeout: 60_000 })
  await expect(anna.getByTestId('add-note-2')).toHaveCount(0)
  await anna.keyboard.press('h')
  await expect(anna.getByTestId('tools.hand')).toHaveAttribute('aria-pressed', 'true')
})

test('typing cut off by a refusal, then the list view while the board reloads: the board she comes back to takes keyboard shortcuts at once', async ({ browser }) => {
  const { moderator, anna, gate } = await typingHeldWhileTheBoardIsLocked(browser)
  // Her last letters reach the server after the lock: refused while she types, her board reloads,
  // and the reloaded board is kept waiting for the server (its answers held).
  gate.holdDown = true
  gate.holdUp = false
  gate.release()
  await expect(anna.getByTestId('toast-kept-text')).toHaveValue('Vor der Sperre und danach')
  await expect(anna.locator('.tl-canvas')).toHaveCount(0)
  // Meanwhile she turns to the list view; the board comes back there, then she returns to the canvas.
  await anna.getByTestId('view-list').click()
  gate.holdDown = false
  gate.release()
  await expect(anna.getByTestId('list-board-0')).toBeVisible()
  await anna.getByTestId('view-canvas').click()
  await waitForCanvas(anna)
  await expect(noteOnCanvas(anna, 'Vor der Sperre', 0)).toBeVisible()
  // She was not typing into this board: H is the hand tool at once.
  await anna.keyboard.press('h')
  await expect(anna.getByTestId('tools.hand')).toHaveAttribute('aria-pressed', 'true')
})

test('during a voting round with locked boards and a timer, a participant’s phase bar is one row on a laptop', async ({ browser }) => {
  const session = await createSession(server.origin, { template: 'beteiligung-als-schritt-zum-engagement' })
  const anna = await joinAs(browser, session.participantUrl, 'Anna Müller')
  for (const index of [0, 1]) expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'lockBoard', boardId: boardId(index), locked: true })).status).toBe(200)
  const voting = { action: 'startVoting', dotsPerParticipant: 5, maxPerTarget: 2, hideResults: true }
  expect((await moderate(server.origin, session.id, session.moderatorToken, voting)).status).toBe(200)
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'startTimer', durationMs: 90_000 })).status).toBe(200)
  const bar = anna.getByTestId('phase-indicator')
  await expect(anna.getByTestId('dots-left')).toHaveText('Noch 5 von 5 Punkten')
  await expect(anna.getByTestId('timer-display')).toBeVisible()
  await expect(anna.getByTestId('follow-moderator')).toBeVisible()
  // It wrapped "Moderation folgen" onto a row of its own (exploratory test, 1400×900).
  expect((await boxOf(bar)).height).toBeLessThan(50)
  await expect(bar.getByTestId('voting-indicator')).toHaveAttribute('title', 'Punkten läuft · Ergebnisse verborgen')
  for (const item of await bar.locator(':scope > *').all()) {
    const box = await boxOf(item)
    expect(box.x + box.width, (await item.textContent()) ?? '').toBeLessThanOrEqual(1400)
  }
})

test('the voting results opening beside a canvas the moderator has panned keep every board in view, off the moderator panel', async ({ browser }) => {
  const session = await createSession(server.origin, { template: 'beteiligung-als-schritt-zum-engagement' })
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni Moderation')
  const canvas = moderator.locator('.session__canvas')
  const frames = moderator.locator('.tl-shape[data-shape-type="frame"]')
  await expect(frames).toHaveCount(5)
  // The moderator moves the view a little: the boards are no longer fitted by the app.
  const start = await boxOf(canvas)
  await moderator.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
  await moderator.mouse.wheel(0, 40)
  await moderator.getByTestId('voting-start').click()
  await expect(moderator.getByTestId('voting-end')).toBeEnabled()
  await moderator.getByTestId('voting-end').click()
  await expect(moderator.getByTestId('voting-results')).toBeVisible()

  const area = await boxOf(canvas)
  expect(area.width).toBeLessThan(start.width)
  const panel = await boxOf(moderator.getByTestId('moderator-panel'))
  for (const frame of await frames.all()) {
    const box = await boxOf(frame)
    const label = (await frame.getAttribute('data-shape-id')) ?? ''
    expect(box.x, label).toBeGreaterThanOrEqual(area.x)
    expect(box.x + box.width, label).toBeLessThanOrEqual(area.x + area.width)
    expect(boxesOverlap(box, panel), label).toBe(false)
  }
})

test('the "+" beside a participant’s selected note posts a note of hers while notes are collected', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await postNote(anna, 0, 'Annas Karte')
  const note = (await noteOnCanvas(anna, 'Annas Karte', 0).locator('xpath=..').boundingBox())!
  await anna.keyboard.press('Escape')
  await anna.mouse.click(note.x + note.width / 2, note.y + note.height / 2)
  // (Not so soon that tldraw takes the next click for a double click.)
  await anna.waitForTimeout(600)
  // tldraw's "+" for a note below sits on the middle of the selected note's bottom edge.
  await anna.mouse.click(note.x + note.width / 2, note.y + note.height - 2)
  await expect(anna.locator('.tl-shape [contenteditable="true"]')).toHaveCount(1)
  await anna.keyboard.type('Daneben')
  await anna.keyboard.press('Escape')
  // Hers, on the board, for everyone; nothing was refused.
  await expect(noteOnCanvas(moderator, 'Daneben', 0).filter({ has: moderator.getByTestId('note-author').getByText('Anna', { exact: true }) })).toHaveCount(1)
  await expect(anna.getByTestId('toast')).toHaveCount(0)
})

/** Moni (moderating) and Anna; Anna's note "Annas Karte" on board 0, selected on Moni's canvas (not open for typing). */
async function annasNoteSelectedByModerator(browser: Browser): Promise<{ moderator: Page; anna: Page }> {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await postNote(anna, 0, 'Annas Karte')
  await expect(noteOnCanvas(moderator, 'Annas Karte', 0)).toBeVisible()
  await moderator.keyboard.press('Escape')
  await noteOnCanvas(moderator, 'Annas Karte', 0).click()
  await expect(moderator.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  return { moderator, anna }
}

/** Waits until `notes` carry the author names `names`, in any order (a copy's place among the board's shapes is not what is tested). */
async function expectAuthorsOf(notes: Locator, names: readonly string[]): Promise<void> {
  const authors = notes.getByTestId('note-author')
  await expect.poll(async () => (await authors.allInnerTexts()).map((name) => name.trim()).sort()).toEqual([...names].sort())
}

test('a note the moderator duplicates (Ctrl+D) is the moderator’s own, not a second note of its author’s', async ({ browser }) => {
  const { moderator, anna } = await annasNoteSelectedByModerator(browser)
  await moderator.keyboard.press('Control+d')
  // The copy reaches everyone under the name of whom made it (it came under Anna's).
  await expect(noteOnCanvas(anna, 'Annas Karte', 0)).toHaveCount(2)
  await expectAuthorsOf(noteOnCanvas(anna, 'Annas Karte', 0), ['Anna', 'Moni'])
  await expect(moderator.getByTestId('toast')).toHaveCount(0)
})

/**
 * Copies the selection of `page` (Ctrl+C) and waits until tldraw has written it to the clipboard
 * (it writes asynchronously: a Ctrl+V right after it could read the clipboard before).
 */
async function copySelection(page: Page): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText(''))
  await page.keyboard.press('Control+c')
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const html = (await navigator.clipboard.read()).find((item) => item.types.includes('text/html'))
        return html ? (await (await html.getType('text/html')).text()).includes('data-tldraw') : false
      }),
    )
    .toBe(true)
}

test('a note the moderator copies and pastes (Ctrl+C, Ctrl+V) is the moderator’s own, not a second note of its author’s', async ({ browser }) => {
  const { moderator, anna } = await annasNoteSelectedByModerator(browser)
  await moderator.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await copySelection(moderator)
  await moderator.keyboard.press('Control+v')
  // The copy reaches everyone under the name of whom pasted it.
  await expect(noteOnCanvas(anna, 'Annas Karte', 0)).toHaveCount(2)
  await expectAuthorsOf(noteOnCanvas(anna, 'Annas Karte', 0), ['Anna', 'Moni'])
  await expect(moderator.getByTestId('toast')).toHaveCount(0)
})

test('a cluster the moderator copies and pastes holds the moderator’s own notes, not second notes of their authors', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  await moderator.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await postNote(anna, 0, 'Annas Karte')
  await postNote(moderator, 0, 'Radwege')
  await expect(noteOnCanvas(moderator, 'Annas Karte', 0)).toBeVisible()
  await moderator.keyboard.press('Escape')
  await noteOnCanvas(moderator, 'Annas Karte', 0).click()
  await noteOnCanvas(moderator, 'Radwege', 0).click({ modifiers: ['Shift'] })
  await moderator.getByTestId('cluster-create').click()
  // The new cluster is selected: copied and pasted with its notes.
  await expect(moderator.getByTestId('cluster-rename')).toBeVisible()
  await copySelection(moderator)
  await moderator.keyboard.press('Control+v')
  await expect(noteOnCanvas(anna, 'Annas Karte')).toHaveCount(2)
  await expect(noteOnCanvas(anna, 'Radwege')).toHaveCount(2)
  await expectAuthorsOf(noteOnCanvas(anna, 'Annas Karte'), ['Anna', 'Moni'])
})

/** The screen boxes of board 0's notes (tldraw's shape elements) and of the page's clusters, by text and name. */
async function boardLayout(page: Page): Promise<{ notes: { text: string; box: Box }[]; clusters: Box[] }> {
  const notes = []
  for (const note of await page.locator('[data-testid="note"][data-question-index="0"]').all()) {
    const box = await note.locator('xpath=..').boundingBox()
    if (box) notes.push({ text: ((await note.textContent()) ?? '').slice(0, 30), box })
  }
  const frames = page.locator('.tl-shape[data-shape-type="frame"]:not([data-shape-id^="shape:board-"])')
  const clusters = (await Promise.all((await frames.all()).map((frame) => frame.boundingBox()))).filter((box): box is Box => box !== null)
  return { notes, clusters }
}

/**
 * What covers what on board 0 of `page`: notes overlapping notes, clusters overlapping clusters,
 * and notes a cluster lies over without holding them. Empty when everything is visible.
 */
async function clashesOnBoard(page: Page): Promise<string[]> {
  const { notes, clusters } = await boardLayout(page)
  const clashes: string[] = []
  notes.forEach((a, i) => notes.slice(i + 1).forEach((b) => boxesOverlap(a.box, b.box) && clashes.push(`note "${a.text}" / note "${b.text}"`)))
  clusters.forEach((a, i) => clusters.slice(i + 1).forEach((b) => boxesOverlap(a, b) && clashes.push(`cluster ${i} / cluster ${clusters.indexOf(b)}`)))
  for (const [i, cluster] of clusters.entries())
    for (const note of notes) if (boxesOverlap(cluster, note.box) && !boxHolds(cluster, note.box)) clashes.push(`cluster ${i} / note "${note.text}"`)
  return clashes
}

test('a note the moderator duplicates (Ctrl+D) goes to a free place on its board, not onto the next note of its row; several at once each to their own', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  for (const text of ['Verkehr', 'Schulen einbeziehen', 'Vereine und Ehrenamt', 'Sport']) await postNote(anna, 0, text)
  await expect(noteOnCanvas(moderator, 'Sport', 0)).toBeVisible()
  await moderator.keyboard.press('Escape')
  await noteOnCanvas(moderator, 'Schulen einbeziehen', 0).click()
  await expect(moderator.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  await moderator.keyboard.press('Control+d')
  // (tldraw put the copy its width and 20 px beside the original: 4 px before "Vereine und Ehrenamt", under it.)
  await expect(noteOnCanvas(anna, 'Schulen einbeziehen', 0)).toHaveCount(2)
  await expect.poll(() => clashesOnBoard(anna)).toEqual([])
  // Two notes duplicated at once: each copy has its own free place.
  await moderator.keyboard.press('Escape')
  await noteOnCanvas(moderator, 'Verkehr', 0).click()
  await noteOnCanvas(moderator, 'Sport', 0).click({ modifiers: ['Shift'] })
  await moderator.keyboard.press('Control+d')
  await expect(noteOnCanvas(anna, 'Verkehr', 0)).toHaveCount(2)
  await expect(noteOnCanvas(anna, 'Sport', 0)).toHaveCount(2)
  await expect.poll(() => clashesOnBoard(anna)).toEqual([])
  await expect.poll(() => clashesOnBoard(moderator)).toEqual([])
  await expect(moderator.getByTestId('toast')).toHaveCount(0)
})

test('a note the moderator copies and pastes (Ctrl+C, Ctrl+V) goes to a free place on its board, not over a tall note in the middle of it', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  await moderator.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await postNote(anna, 0, 'Verkehr')
  await postNote(anna, 0, 'Schulen einbeziehen')
  // A tall note in the top row's middle reaches down over the middle of the board.
  await pasteNote(anna, 0, `Lange Karte: ${'sicher breit beleuchtet durchgehend geräumt '.repeat(5)}`)
  await expect(noteOnCanvas(moderator, 'Lange Karte', 0)).toBeVisible()
  await moderator.keyboard.press('Escape')
  await noteOnCanvas(moderator, 'Verkehr', 0).click()
  await expect(moderator.locator('.tl-shape [contenteditable="true"]')).toHaveCount(0)
  await copySelection(moderator)
  await moderator.keyboard.press('Control+v')
  // (tldraw pasted onto the middle of the board, over the tall note.)
  await expect(noteOnCanvas(anna, 'Verkehr', 0)).toHaveCount(2)
  await expect.poll(() => clashesOnBoard(anna)).toEqual([])
  await expect.poll(() => clashesOnBoard(moderator)).toEqual([])
})

test('a cluster the moderator duplicates (Ctrl+D) goes with its notes to a free place on its board, over no note and no other cluster', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  await moderator.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  for (const text of ['Radwege', 'Busse']) await postNote(moderator, 0, text)
  await pasteNote(moderator, 0, `Lange Karte: ${'sicher breit beleuchtet durchgehend geräumt '.repeat(4)}`)
  for (const text of ['Schulen', 'Vereine']) await postNote(moderator, 0, text)
  const formCluster = async (texts: readonly string[]) => {
    await moderator.keyboard.press('Escape')
    for (const [index, text] of texts.entries()) await noteOnCanvas(moderator, text, 0).click(index === 0 ? {} : { modifiers: ['Shift'] })
    await moderator.getByTestId('cluster-create').click()
    await expect(moderator.getByTestId('cluster-rename')).toBeVisible()
  }
  // (The rightmost first: once a note is selected, tldraw's style panel lies over the top row's last slot.)
  await formCluster(['Vereine', 'Schulen'])
  await formCluster(['Radwege', 'Busse'])
  await expect.poll(() => clashesOnBoard(moderator)).toEqual([])
  // The new cluster is selected, as after a click on its name: duplicated with its notes.
  await moderator.keyboard.press('Control+d')
  await expect(noteOnCanvas(moderator, 'Radwege', 0)).toHaveCount(2)
  await expect(noteOnCanvas(moderator, 'Busse', 0)).toHaveCount(2)
  await expect.poll(async () => (await boardLayout(moderator)).clusters.length).toBe(3)
  await expect.poll(() => clashesOnBoard(moderator)).toEqual([])
  // Its notes kept their layout: side by side in one row, as in the original.
  const tops = async (text: string) => (await Promise.all((await noteOnCanvas(moderator, text, 0).all()).map(async (note) => Math.round((await boxOf(note.locator('xpath=..'))).y)))).sort()
  expect(await tops('Busse')).toEqual(await tops('Radwege'))
  await expect(moderator.getByTestId('toast')).toHaveCount(0)
})

test('a hidden card copied before the reveal is left out of a paste, the moderator’s and its author’s, and they are told so: nothing shown, nothing made up', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  await moderator.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })).status).toBe(200)
  await expect(anna.getByTestId('hidden-mode-indicator')).toBeVisible()
  await anna.getByTestId('add-note-0').click()
  await anna.getByTestId('sealed-note-input').fill('Geheime Idee')
  await anna.getByTestId('sealed-note-send').click()
  await expect(anna.getByTestId('sealed-note-dialog').getByRole('status')).toHaveText('Deine Karte ist verdeckt abgegeben.')
  await anna.getByTestId('sealed-note-close').click()
  await expect(moderator.getByTestId('sealed-note')).toHaveCount(1)
  const leftOut = 'Verdeckte Karten lassen sich erst nach dem Aufdecken kopieren: 1 verdeckte Karte wurde weggelassen'

  // The moderator's paste made an empty open card of hers out of it.
  await moderator.keyboard.press('Escape')
  await moderator.getByTestId('sealed-note').click({ force: true }) // (tldraw's note container lies over the cover)
  await copySelection(moderator)
  await moderator.keyboard.press('Control+v')
  await expect(moderator.getByTestId('toast').filter({ hasText: leftOut })).toBeVisible()
  // Anna's own paste of her card (tldraw's copy holds no text) was "no card" to her.
  await anna.keyboard.press('Escape')
  await anna.getByTestId('sealed-note').click({ force: true })
  await copySelection(anna)
  await anna.keyboard.press('Control+v')
  await expect(anna.getByTestId('toast').filter({ hasText: leftOut })).toBeVisible()
  await expect(anna.getByTestId('toast')).toHaveCount(1)

  // The reveal: one card, Anna's, with her text; nothing else was made.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: false })).status).toBe(200)
  await expect(noteOnCanvas(moderator, 'Geheime Idee', 0).getByTestId('note-author')).toHaveText('Anna')
  await expect(moderator.locator('[data-testid="note"]')).toHaveCount(1)
  await expect(anna.locator('[data-testid="note"]')).toHaveCount(1)
})
