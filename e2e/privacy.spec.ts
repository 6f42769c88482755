import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { useBuiltServer } from './support/builtServer.ts'
import { createWorkshopOnStartPage, noteOnCanvas, postNote, waitForCanvas } from './support/workshopPages.ts'

/**
 * Data protection in the browser: the app runs under the server's strict Content-Security-Policy
 * without a single violation (canvas, presence, picture export); the privacy note states the
 * retention period from the server; a moderator deletes the workshop, everyone is disconnected
 * and no copy of it stays in the participants' browsers.
 */
const server = useBuiltServer({ env: { RETENTION_DAYS: '14' } })

/** Collects CSP violations of every page of a context (the event and the console's report). */
function watchCsp(context: BrowserContext, violations: string[]): void {
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  const watch = (page: Page) =>
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|CSP violation/i.test(message.text())) violations.push(message.text())
    })
  context.pages().forEach(watch)
  context.on('page', watch)
}

test('the whole app runs under the strict CSP, states the retention period, and a deleted workshop is gone everywhere', async ({ browser }, testInfo) => {
  test.setTimeout(180_000)
  const violations: string[] = []
  const organiser = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
  watchCsp(organiser, violations)
  const start = await organiser.newPage()
  const response = await start.goto(server.origin + '/')
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'")
  await expect(start.getByTestId('privacy-note')).toContainText('Nach 14 Tagen ohne Aktivität wird er automatisch gelöscht.')
  const links = await createWorkshopOnStartPage(start, server.origin)

  // The participant's name prompt says the same before anything is stored.
  const participantContext = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  watchCsp(participantContext, violations)
  const prompt = await participantContext.newPage()
  await prompt.goto(links.participantUrl)
  await expect(prompt.getByTestId('privacy-note')).toContainText('Gespeichert werden nur Anzeigenamen und Karten')
  await expect(prompt.getByTestId('privacy-note')).toContainText('14 Tagen')
  await prompt.getByTestId('name-input').fill('Anna')
  await prompt.getByTestId('name-submit').click()
  await expect(prompt.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await waitForCanvas(prompt)
  await postNote(prompt, 0, 'Sichere Schulwege')

  const moderator = await organiser.newPage()
  await moderator.goto(links.moderatorUrl)
  await moderator.getByTestId('name-input').fill('Moderation')
  await moderator.getByTestId('name-submit').click()
  await waitForCanvas(moderator)
  await expect(noteOnCanvas(moderator, 'Sichere Schulwege', 0)).toBeVisible()
  // Canvas pictures (tldraw's toImage: blob and data URLs, inline styles) under the policy too.
  await moderator.getByTestId('export-open').click()
  const [picture] = await Promise.all([moderator.waitForEvent('download'), moderator.getByTestId('export-board-png-0').click()])
  expect(await picture.path()).toBeTruthy()
  await moderator.screenshot({ path: testInfo.outputPath('moderator-before-delete.png') })
  // A viewer (Beamer) as well.
  const beamer = await joinAsViewer(organiser, links.viewerUrl)
  await expect(noteOnCanvas(beamer, 'Sichere Schulwege', 0)).toBeVisible()
  // The projector follows the moderation from the start.
  await expect(beamer.getByTestId('follow-moderator')).toBeChecked()

  // Someone still at the name prompt when the workshop goes.
  const latecomerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  watchCsp(latecomerContext, violations)
  const latecomer = await latecomerContext.newPage()
  await latecomer.goto(links.participantUrl)
  await expect(latecomer.getByTestId('name-input')).toBeVisible()

  const localCopies = async () => (await prompt.evaluate(() => indexedDB.databases())).map((database) => database.name)
  const sessionId = new URL(links.participantUrl).pathname.split('/').at(-1)!
  expect(await localCopies()).toContain(`pinnwand:${sessionId}`)

  // Delete: confirm dialog, then the moderator is on the start page.
  moderator.once('dialog', (dialog) => void dialog.accept())
  await moderator.getByTestId('delete-workshop').click()
  await moderator.waitForURL(server.origin + '/')
  expect((await fetch(`${server.origin}/api/sessions/${sessionId}`)).status).toBe(404)
  // The participant is disconnected for good and keeps no copy, name or token of it; the board
  // leaves the participant's screen and the projector's.
  await expect(prompt.getByTestId('session-gone')).toContainText('Diesen Workshop gibt es nicht (mehr)')
  await expect(beamer.getByTestId('session-gone')).toBeVisible()
  await expect(beamer.locator('[data-testid="note"]')).toHaveCount(0)
  // Said in German by its close code, not as the server's English close reason.
  await expect(prompt.getByTestId('toast').filter({ hasText: 'Die Verbindung wurde beendet: Dieser Workshop wurde gelöscht.' })).toBeVisible()
  await expect.poll(localCopies).not.toContain(`pinnwand:${sessionId}`)
  const remembered = await prompt.evaluate((id) => [localStorage.getItem(`pinnwand:participant:${id}`), localStorage.getItem(`pinnwand:session:${id}`)], sessionId)
  expect(remembered).toEqual([null, null])
  await prompt.screenshot({ path: testInfo.outputPath('participant-after-delete.png') })
  // The page of a workshop gone has the language switch too.
  await beamer.getByTestId('language-toggle').click()
  await expect(beamer.getByTestId('session-gone')).toContainText('This workshop does not exist (any more).')
  // Joining it now fails with the server's error code, said in German (not "Unknown session").
  await latecomer.getByTestId('name-input').fill('Berta')
  await latecomer.getByTestId('name-submit').click()
  await expect(latecomer.getByTestId('join-error')).toHaveText('Beitreten hat nicht geklappt: Diesen Workshop gibt es nicht (mehr)')
  await latecomer.screenshot({ path: testInfo.outputPath('latecomer-join-refused.png') })
  // The message follows a switch of the language.
  await latecomer.getByTestId('language-toggle').click()
  await expect(latecomer.getByTestId('join-error')).toHaveText('Joining failed: This workshop does not exist (any more)')

  expect(violations, 'CSP violations').toEqual([])
})

async function joinAsViewer(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  await waitForCanvas(page)
  return page
}
