import { expect, test } from '@playwright/test'
import { PinnwandServer } from '../server/testing/serverProcess.ts'
import { watchForeignRequests } from './support/sameOrigin.ts'
import { createWorkshopOnStartPage, joinAs, noteOnCanvas, postNote, waitForCanvas } from './support/workshopPages.ts'

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
  // Ben sees it on the second board, signed with Anna's name.
  const note = noteOnCanvas(ben, 'Mehr Bürgerhaushalt', 1)
  await expect(note).toBeVisible()
  await expect(note.getByTestId('note-author')).toHaveText('Anna')
  await ben.screenshot({ path: testInfo.outputPath('ben-sees-annas-note.png') })

  await server.restart()
  await ben.reload()
  await expect(ben.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await waitForCanvas(ben)
  await expect(noteOnCanvas(ben, 'Mehr Bürgerhaushalt', 1)).toBeVisible()
  await expect(noteOnCanvas(ben, 'Mehr Bürgerhaushalt', 1).getByTestId('note-author')).toHaveText('Anna')
  await ben.screenshot({ path: testInfo.outputPath('after-restart.png') })

  expect(foreign, 'requests that left the origin').toEqual([])
})
