import { devices, expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { createSession, getJson, moderate } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { watchForeignRequests } from './support/sameOrigin.ts'
import { joinAs, noteOnCanvas, postNote } from './support/workshopPages.ts'

const server = useBuiltServer()

// Several browsers (one with tldraw) on a 2-core machine: give each test room.
test.describe.configure({ timeout: 180_000 })

/** A phone (Pixel 7: small touch screen) opening the participant link and joining as `name`. */
async function joinOnPhone(browser: Browser, url: string, name: string, foreign: string[]): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'] })
  watchForeignRequests(context, new URL(url).origin, foreign)
  const page = await context.newPage()
  await page.goto(url)
  await page.getByTestId('name-input').fill(name)
  await page.getByTestId('name-submit').tap()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  return page
}

/**
 * Presses Tab until `target` has the focus: proves it is reachable by keyboard alone.
 * Fails when it is not reached within `maxTabs` presses.
 */
async function tabTo(page: Page, target: Locator, maxTabs = 80): Promise<void> {
  const handle = await target.elementHandle()
  for (let presses = 0; presses < maxTabs; presses++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((element) => element === document.activeElement, handle)) return
  }
  throw new Error(`not reachable with ${maxTabs} Tab presses: ${target}`)
}

test('a phone participant writes a note to question 3 and the canvas shows it on board 3', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)

  const desktop = await joinAs(browser, session.participantUrl, 'Dora', foreign)
  await expect(desktop.getByTestId('view-canvas')).toHaveAttribute('aria-pressed', 'true')
  await expect(desktop.getByTestId('canvas-root')).toBeVisible()

  const phone = await joinOnPhone(browser, session.participantUrl, 'Paul', foreign)
  // Small screen: the phone view opens by default, without tldraw.
  await expect(phone.getByTestId('phone-view')).toBeVisible()
  await expect(phone.getByTestId('view-phone')).toHaveAttribute('aria-pressed', 'true')
  await expect(phone.getByTestId('phase-name')).toHaveText('Sammeln')

  await phone.getByTestId('phone-question-2').check()
  await expect(phone.getByText('3.', { exact: true })).toBeVisible()
  await phone.getByTestId('phone-note-input').fill('Repair-Café im Quartier')
  await phone.getByTestId('phone-send').tap()
  await expect(phone.getByTestId('phone-note-input')).toHaveValue('')
  await expect(phone.getByTestId('phone-my-notes')).toContainText('Repair-Café im Quartier')
  await expect(phone.getByTestId('phone-my-notes')).toContainText('Frage 3')
  await phone.screenshot({ path: testInfo.outputPath('phone-after-send.png') })

  const note = desktop.getByTestId('note').filter({ hasText: 'Repair-Café im Quartier' })
  await expect(note).toHaveAttribute('data-question-index', '2')
  await expect(note).toBeVisible()
  await expect(note.getByTestId('note-author')).toHaveText('Paul')
  await desktop.screenshot({ path: testInfo.outputPath('desktop-canvas-sees-phone-note.png') })

  // Offline, a sent note waits on the phone, which says so, and reaches the board when it is back.
  await phone.context().setOffline(true)
  await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await phone.getByTestId('phone-note-input').fill('Bank am Spielplatz')
  await phone.getByTestId('phone-send').tap()
  await expect(phone.getByRole('status').filter({ hasText: 'Keine Verbindung: Deine Karte ist auf diesem Gerät gespeichert' })).toBeVisible()
  await phone.context().setOffline(false)
  await expect(desktop.getByTestId('note').filter({ hasText: 'Bank am Spielplatz' })).toBeVisible()

  // The choice of view is remembered: after switching to the canvas, a reload opens the canvas.
  await phone.getByTestId('view-list').tap()
  await expect(phone.getByTestId('list-view')).toBeVisible()
  await phone.reload()
  await expect(phone.getByTestId('list-view')).toBeVisible()
  await expect(phone.getByTestId('list-board-2')).toContainText('Repair-Café im Quartier')

  expect(foreign, 'requests that left the origin').toEqual([])
})

test('on a phone a participant edits and deletes their own note in place; the canvas follows', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)
  const desktop = await joinAs(browser, session.participantUrl, 'Dora', foreign)
  await expect(desktop.getByTestId('canvas-root')).toBeVisible()

  const phone = await joinOnPhone(browser, session.participantUrl, 'Paul', foreign)
  await phone.getByTestId('phone-note-input').fill('Mehr Bänke am Marktplaz')
  await phone.getByTestId('phone-send').tap()
  const mine = phone.getByTestId('phone-my-notes')
  await expect(mine).toContainText('Mehr Bänke am Marktplaz')
  await expect(desktop.getByTestId('note').filter({ hasText: 'Mehr Bänke am Marktplaz' })).toBeVisible()

  // Buttons named after the note, as in the list view, and big enough for a thumb.
  const edit = mine.getByRole('button', { name: 'Karte bearbeiten: Mehr Bänke am Marktplaz' })
  const remove = mine.getByRole('button', { name: 'Karte löschen: Mehr Bänke am Marktplaz' })
  for (const button of [edit, remove]) {
    const box = await button.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(44)
    expect(box?.width).toBeGreaterThanOrEqual(44)
  }

  await edit.tap()
  const field = mine.getByRole('textbox', { name: 'Text der Karte' })
  await expect(field).toBeFocused()
  await expect(field).toHaveValue('Mehr Bänke am Marktplaz')
  // Cancel keeps the text as it was.
  await field.fill('verworfen')
  await mine.getByRole('button', { name: 'Abbrechen' }).tap()
  await expect(mine).toContainText('Mehr Bänke am Marktplaz')
  await expect(edit).toBeFocused()

  await edit.tap()
  await field.fill('Mehr Bänke am Marktplatz')
  await phone.screenshot({ path: testInfo.outputPath('phone-editing.png') })
  await mine.getByRole('button', { name: 'Speichern' }).tap()
  await expect(field).toHaveCount(0)
  await expect(mine.getByTestId('phone-my-note')).toHaveCount(1)
  await expect(mine).toContainText('Mehr Bänke am Marktplatz')
  await expect(desktop.getByTestId('note').filter({ hasText: 'Mehr Bänke am Marktplatz' })).toBeVisible()
  await expect(desktop.getByTestId('note').filter({ hasText: 'Marktplaz' })).toHaveCount(0)

  await mine.getByRole('button', { name: 'Karte löschen: Mehr Bänke am Marktplatz' }).tap()
  await expect(phone.getByText('Karte gelöscht.')).toBeVisible()
  await expect(phone.getByTestId('phone-my-note')).toHaveCount(0)
  await expect(phone.getByText('Du hast noch keine Karte geschrieben.')).toBeVisible()
  await expect(desktop.getByTestId('note')).toHaveCount(0)

  expect(foreign, 'requests that left the origin').toEqual([])
})

test('the list view works by keyboard alone: post a note, give and take back dots; new notes are announced', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)

  const erik = await joinAs(browser, session.participantUrl, 'Erik', foreign)
  await tabTo(erik, erik.getByTestId('view-list'))
  await erik.keyboard.press('Enter')
  const list = erik.getByTestId('list-view')
  await expect(list).toBeVisible()
  await expect(list.getByRole('heading', { level: 2, name: /Frage 1:/ })).toBeVisible()

  // Post to question 1: its labelled field, typed, sent with the button, all by keyboard.
  const field = list.getByRole('textbox', { name: 'Neue Karte zu Frage 1' })
  await tabTo(erik, field)
  await erik.keyboard.type('Ehrenamtsbörse online')
  await erik.keyboard.press('Tab')
  await expect(list.getByTestId('list-board-0').getByRole('button', { name: 'Karte senden' })).toBeFocused()
  await erik.keyboard.press('Enter')
  const erikNote = list.getByTestId('list-note').filter({ hasText: 'Ehrenamtsbörse online' })
  await expect(erikNote).toContainText('von Erik')
  await expect(field).toHaveValue('')

  // A second, long note, deleted by keyboard: its buttons quote only its start (a screen reader
  // reads the name of every button), and the focus goes to the note before, not to the page's start.
  await tabTo(erik, field)
  await erik.keyboard.type('Tippfehler in einer sehr langen Karte, die beim Vorlesen niemand bis zum Ende hören möchte')
  await erik.keyboard.press('Tab')
  await erik.keyboard.press('Enter')
  const typo = list.getByRole('button', { name: 'Karte löschen: Tippfehler in einer sehr langen Karte, die beim Vorlesen…', exact: true })
  await tabTo(erik, typo)
  await erik.keyboard.press('Enter')
  await expect(list.getByTestId('list-note').filter({ hasText: 'Tippfehler' })).toHaveCount(0)
  await expect(erikNote.getByRole('button', { name: 'Karte bearbeiten: Ehrenamtsbörse online' })).toBeFocused()

  // Someone else writes from a phone: the polite live region announces it.
  const phone = await joinOnPhone(browser, session.participantUrl, 'Paula', foreign)
  await phone.getByTestId('phone-question-0').check()
  await phone.getByTestId('phone-note-input').fill('Sprechstunde im Rathaus')
  await phone.getByTestId('phone-send').tap()
  await expect(list.getByTestId('list-note').filter({ hasText: 'Sprechstunde im Rathaus' })).toContainText('von Paula')
  await expect(erik.getByTestId('list-announcer')).toHaveAttribute('aria-live', 'polite')
  await expect(erik.getByTestId('list-announcer')).toHaveText('Neue Karte von Paula zu Frage 1: Sprechstunde im Rathaus')

  // The moderator starts a voting round (3 dots each) through the moderation route.
  const started = await moderate(server.origin, session.id, session.moderatorToken, {
    action: 'startVoting',
    dotsPerParticipant: 3,
    maxPerTarget: null,
    hideResults: false,
  })
  expect(started.status).toBe(200)
  await expect(list.getByTestId('phase-name')).toHaveText('Punkten')
  await expect(list.getByTestId('dot-budget')).toHaveText('Noch 3 von 3 Punkten')

  const paulaNote = list.getByTestId('list-note').filter({ hasText: 'Sprechstunde im Rathaus' })
  const addDot = paulaNote.getByRole('button', { name: 'Punkt geben: Sprechstunde im Rathaus' })
  await tabTo(erik, addDot)
  await erik.keyboard.press('Enter')
  await erik.keyboard.press('Space')
  await expect(paulaNote.getByTestId('dot-count')).toHaveText('2 Punkte · 2 von dir')
  await expect(list.getByTestId('dot-budget')).toHaveText('Noch 1 von 3 Punkten')
  await erik.keyboard.press('Tab')
  await expect(paulaNote.getByRole('button', { name: 'Punkt entfernen: Sprechstunde im Rathaus' })).toBeFocused()
  await erik.keyboard.press('Enter')
  await expect(paulaNote.getByTestId('dot-count')).toHaveText('1 Punkt · 1 von dir')
  await expect(list.getByTestId('dot-budget')).toHaveText('Noch 2 von 3 Punkten')

  const erikAdd = erikNote.getByRole('button', { name: 'Punkt geben: Ehrenamtsbörse online' })
  await tabTo(erik, erikAdd)
  await erik.keyboard.press('Enter')
  await erik.keyboard.press('Enter')
  await expect(list.getByTestId('dot-budget')).toHaveText('Noch 0 von 3 Punkten')
  // The budget is spent: the button keeps the focus but gives no further dot.
  await erik.keyboard.press('Enter')
  await expect(erikAdd).toBeFocused()
  await expect(erikAdd).toHaveAttribute('aria-disabled', 'true')
  await expect(erikNote.getByTestId('dot-count')).toHaveText('2 Punkte · 2 von dir')
  await erik.screenshot({ path: testInfo.outputPath('list-view-voting.png') })

  // Everyone sees the dots, e.g. the phone in the voting section of question 1.
  await expect(phone.getByTestId('dot-budget')).toHaveText('Noch 3 von 3 Punkten')
  const onPhone = phone.locator('.phone-card').filter({ hasText: 'Ehrenamtsbörse online' })
  await expect(onPhone.getByTestId('dot-count')).toHaveText('2 Punkte')
  await onPhone.getByTestId('dot-add').tap()
  await expect(onPhone.getByTestId('dot-count')).toHaveText('3 Punkte · 1 von dir')
  await expect(erikNote.getByTestId('dot-count')).toHaveText('3 Punkte · 2 von dir')
  await phone.screenshot({ path: testInfo.outputPath('phone-voting.png') })

  // The round ends: the phone shows the question's ranking (it had no results at all).
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'endVoting' })).status).toBe(200)
  await expect(phone.getByTestId('phone-result')).toHaveText([/^1\. Ehrenamtsbörse online\s*3 Punkte$/, /^2\. Sprechstunde im Rathaus\s*1 Punkt$/])
  await phone.screenshot({ path: testInfo.outputPath('phone-results.png') })

  expect(foreign, 'requests that left the origin').toEqual([])
})

test('a cluster is called "Cluster" in the list view and in the phone’s results, as on the canvas', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Mia', foreign)
  const phone = await joinOnPhone(browser, session.participantUrl, 'Paul', foreign)
  await phone.getByTestId('phone-question-0').check()
  for (const text of ['Sportfest', 'Bolzplatz']) {
    await phone.getByTestId('phone-note-input').fill(text)
    await phone.getByTestId('phone-send').tap()
    await expect(phone.getByTestId('phone-my-notes')).toContainText(text)
  }
  await moderator.getByTestId('phase-cluster').click()
  await noteOnCanvas(moderator, 'Bolzplatz', 0).click()
  await moderator.getByTestId('cluster-create').click()
  await moderator.getByTestId('cluster-rename').fill('Sport')
  await moderator.getByTestId('view-list').click()
  await expect(moderator.getByRole('heading', { name: 'Ohne Cluster' })).toBeVisible()

  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: null, hideResults: false })).status).toBe(200)
  const clusterCard = phone.locator('.phone-card--cluster').filter({ hasText: 'Sport' })
  await clusterCard.getByTestId('dot-add').tap()
  await expect(clusterCard.getByTestId('dot-count')).toHaveText('1 Punkt · 1 von dir')
  await clusterCard.getByTestId('dot-add').tap()
  await expect(clusterCard.getByTestId('dot-count')).toHaveText('2 Punkte · 2 von dir')
  const noteCard = phone.locator('.phone-card').filter({ hasText: 'Sportfest' })
  await noteCard.getByTestId('dot-add').tap()
  await expect(noteCard.getByTestId('dot-count')).toHaveText('1 Punkt · 1 von dir')
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'endVoting' })).status).toBe(200)
  await expect(phone.getByTestId('phone-result')).toHaveText([/^1\. Cluster: Sport\s*2 Punkte$/, /^2\. Sportfest\s*1 Punkt$/])
  await phone.screenshot({ path: testInfo.outputPath('phone-results-cluster.png') })
  expect(foreign, 'requests that left the origin').toEqual([])
})

test('the list view names clusters as the export does: the second "Verkehr" of a board is "Verkehr (2)"', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Mia', foreign)
  for (const text of ['Radweg Hauptstraße', 'Busse am Sonntag']) await postNote(moderator, 0, text)
  await moderator.getByTestId('phase-cluster').click()
  // Two moderators' groups of one name: a cluster of each note, both called "Verkehr".
  for (const text of ['Radweg Hauptstraße', 'Busse am Sonntag']) {
    await noteOnCanvas(moderator, text, 0).click()
    await moderator.getByTestId('cluster-create').click()
    await moderator.getByTestId('cluster-rename').fill('Verkehr')
  }
  const exportedLabels = async () =>
    ((await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)).json.boards[0].clusters as Array<{ label: string }>).map(
      (cluster) => cluster.label,
    )
  await expect.poll(async () => [...(await exportedLabels())].sort()).toEqual(['Verkehr', 'Verkehr (2)'])

  await moderator.getByTestId('view-list').click()
  // The same names in the same order (reading order on the board) as the export's.
  await expect(moderator.getByTestId('list-board-0').locator('.list-cluster h3')).toHaveText(await exportedLabels())
  await moderator.screenshot({ path: testInfo.outputPath('list-same-named-clusters.png') })
  expect(foreign, 'requests that left the origin').toEqual([])
})

test('hidden mode: the phone posts through the server, only its author reads the text until the reveal; the Beamer’s list is read-only', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })).status).toBe(200)

  const phone = await joinOnPhone(browser, session.participantUrl, 'Paul', foreign)
  await expect(phone.getByTestId('phone-view')).toContainText('Verdeckt sammeln')
  await phone.getByTestId('phone-question-0').check()
  await phone.getByTestId('phone-note-input').fill('Geheimer Vorschlag')
  await phone.getByTestId('phone-send').tap()
  await expect(phone.getByText('Deine Karte ist verdeckt abgegeben.')).toBeVisible()
  await expect(phone.getByTestId('phone-my-notes')).toContainText('Geheimer Vorschlag')
  await expect(phone.getByTestId('phone-my-notes')).toContainText('verdeckt, nur für dich sichtbar')
  // A sealed note's text cannot be edited, as in the list view.
  await expect(phone.getByTestId('phone-my-notes').getByRole('button', { name: /^Karte bearbeiten/ })).toHaveCount(0)

  const beamerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  watchForeignRequests(beamerContext, server.origin, foreign)
  const beamer = await beamerContext.newPage()
  await beamer.goto(session.viewerUrl)
  await expect(beamer.getByTestId('readonly-badge')).toBeVisible()
  await expect(beamer.getByTestId('view-phone')).toHaveCount(0)
  await beamer.getByTestId('view-list').click()
  const list = beamer.getByTestId('list-view')
  await expect(list).toContainText('Nur lesen')
  const sealed = list.getByTestId('list-board-0').getByTestId('list-note')
  await expect(sealed).toContainText('Verdeckte Karte')
  await expect(sealed).toContainText('von Paul')
  await expect(list).not.toContainText('Geheimer Vorschlag')
  await expect(list.getByRole('textbox')).toHaveCount(0)
  await expect(list.getByRole('button')).toHaveCount(0)
  await beamer.screenshot({ path: testInfo.outputPath('beamer-list-hidden.png') })

  // The reveal puts the text into the document: everyone reads it.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: false })).status).toBe(200)
  await expect(sealed).toContainText('Geheimer Vorschlag')
  await expect(phone.getByTestId('phone-my-notes')).not.toContainText('verdeckt')

  expect(foreign, 'requests that left the origin').toEqual([])
})

test('hidden mode: while voting and in the round’s results, the phone shows a sealed note’s text to its author only; others see "Verdeckte Karte"', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })).status).toBe(200)
  const paul = await joinOnPhone(browser, session.participantUrl, 'Paul', foreign)
  const lena = await joinOnPhone(browser, session.participantUrl, 'Lena', foreign)
  await paul.getByTestId('phone-question-0').check()
  await paul.getByTestId('phone-note-input').fill('Geheimer Vorschlag')
  await paul.getByTestId('phone-send').tap()
  await expect(paul.getByTestId('phone-my-notes')).toContainText('Geheimer Vorschlag')

  // Still hidden: the round runs on sealed notes.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: null, hideResults: false })).status).toBe(200)
  const paulsCard = paul.getByRole('region', { name: /^Punkte vergeben/ }).locator('.phone-card')
  await expect(paulsCard).toHaveCount(1)
  await expect(paulsCard).toContainText('Geheimer Vorschlag')
  await expect(paulsCard).toContainText('verdeckt, nur für dich sichtbar')
  await expect(paulsCard.getByTestId('dot-add')).toHaveAccessibleName('Punkt geben: Geheimer Vorschlag')
  const lenasCard = lena.getByRole('region', { name: /^Punkte vergeben/ }).locator('.phone-card')
  await expect(lenasCard).toHaveCount(1)
  await expect(lenasCard).toContainText('Verdeckte Karte')
  await expect(lenasCard).toContainText('von Paul')
  await expect(lena.getByTestId('phone-view')).not.toContainText('Geheimer Vorschlag')
  await paul.screenshot({ path: testInfo.outputPath('phone-vote-sealed-own.png') })

  // The round ends before the reveal: the results name the sealed note as the cards did.
  await lenasCard.getByTestId('dot-add').tap()
  await expect(lenasCard.getByTestId('dot-count')).toHaveText('1 Punkt · 1 von dir')
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'endVoting' })).status).toBe(200)
  await expect(paul.getByTestId('phone-result')).toHaveText([/^1\. Geheimer Vorschlag\s*1 Punkt$/])
  await expect(lena.getByTestId('phone-result')).toHaveText([/^1\. Verdeckte Karte\s*1 Punkt$/])
  await expect(lena.getByTestId('phone-view')).not.toContainText('Geheimer Vorschlag')
  await paul.screenshot({ path: testInfo.outputPath('phone-results-sealed-own.png') })
  expect(foreign, 'requests that left the origin').toEqual([])
})

test('on a phone a long display name ends in an ellipsis inside the screen, with all of it in the title; the language switch stays one line', async ({ browser }) => {
  const session = await createSession(server.origin)
  const name = 'Maximiliane Musterfrau-Schmidt von Hohenlohe-Ingelfingen'
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  const phone = await context.newPage()
  await phone.goto(session.participantUrl)
  await phone.getByTestId('name-input').fill(name)
  await phone.getByTestId('name-submit').tap()
  await expect(phone.getByTestId('phone-view')).toBeVisible()
  const self = phone.getByTestId('online-list').getByRole('listitem').filter({ hasText: name.slice(0, 12) })
  const toggle = phone.getByTestId('language-toggle')
  for (const language of ['Deutsch', 'English']) {
    await expect(self).toHaveAttribute('title', name)
    const box = (await self.boundingBox())!
    expect(box.x + box.width, `${language}: the name's right edge`).toBeLessThanOrEqual(390)
    expect(await self.locator('.online__name').evaluate((element) => element.scrollWidth > element.clientWidth && getComputedStyle(element).textOverflow === 'ellipsis')).toBe(true)
    // "(du)" after it stays whole, on the screen.
    const you = (await self.locator('.online__self').boundingBox())!
    expect(you.width).toBeGreaterThan(10)
    expect(you.x + you.width).toBeLessThanOrEqual(Math.min(box.x + box.width + 0.5, 390))
    // One line: as high as its line plus padding, and nothing cut.
    expect(
      await toggle.evaluate((element) => {
        const style = getComputedStyle(element)
        const content = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
        return { lines: Math.round(content / parseFloat(style.lineHeight === 'normal' ? String(parseFloat(style.fontSize) * 1.2) : style.lineHeight)), cut: element.scrollWidth > element.clientWidth }
      }),
    ).toEqual({ lines: 1, cut: false })
    await toggle.tap()
  }
  await context.close()
})

test('hidden mode offline: the phone keeps the sealed note and hands it in, once, when the connection is back', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })).status).toBe(200)
  const phone = await joinOnPhone(browser, session.participantUrl, 'Paul', foreign)
  await phone.getByTestId('phone-question-0').check()

  await phone.context().setOffline(true)
  await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await phone.getByTestId('phone-note-input').fill('Verdeckt ohne Netz')
  await phone.getByTestId('phone-send').tap()
  await expect(phone.getByRole('status').filter({ hasText: 'wird verdeckt gesendet, sobald die Verbindung zurück ist' })).toBeVisible()
  await expect(phone.getByTestId('phone-note-input')).toHaveValue('')
  // "Meine Karten" shows it as waiting on the device.
  await expect(phone.getByTestId('phone-waiting-note')).toContainText('Verdeckt ohne Netz')
  await expect(phone.getByTestId('phone-waiting-note')).toContainText('sobald die Verbindung zurück ist')
  await phone.screenshot({ path: testInfo.outputPath('phone-sealed-offline.png') })

  await phone.context().setOffline(false)
  await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(phone.getByTestId('phone-my-notes')).toContainText('Verdeckt ohne Netz')
  await expect(phone.getByTestId('phone-my-notes')).toContainText('verdeckt, nur für dich sichtbar')
  await expect(phone.getByTestId('phone-waiting-note')).toHaveCount(0)
  await phone.screenshot({ path: testInfo.outputPath('phone-sealed-sent-after-reconnect.png') })

  // Handed in once: after the reveal the board holds it a single time.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: false })).status).toBe(200)
  const exported = (await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)).json
  expect(exported.boards[0].unclusteredNotes.map((note: { text: string }) => note.text)).toEqual(['Verdeckt ohne Netz'])
  expect(foreign, 'requests that left the origin').toEqual([])
})
