import { expect, test } from '@playwright/test'
import { PinnwandServer } from '../server/testing/serverProcess.ts'
import { watchForeignRequests } from './support/sameOrigin.ts'
import { createWorkshopOnStartPage, joinAs, postNote } from './support/workshopPages.ts'

let server: PinnwandServer

test.beforeAll(async () => {
  server = await PinnwandServer.start()
})
test.afterAll(async () => {
  await server?.stop()
})

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
  const note = ben.getByText('Mehr Bürgerhaushalt')
  await expect(note).toBeVisible()
  await expect(ben.getByTestId('note-author').filter({ hasText: 'Anna' }).first()).toBeVisible()
  await ben.screenshot({ path: testInfo.outputPath('ben-sees-annas-note.png') })

  await server.restart()
  await ben.reload()
  await expect(ben.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(ben.getByText('Mehr Bürgerhaushalt')).toBeVisible()
  await ben.screenshot({ path: testInfo.outputPath('after-restart.png') })

  expect(foreign, 'requests that left the origin').toEqual([])
})
