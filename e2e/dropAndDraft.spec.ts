import { expect, test } from '@playwright/test'
import { createSession } from '../server/testing/apiClient.ts'
import { PinnwandServer } from '../server/testing/serverProcess.ts'
import { joinAs, openModerator } from './support/workshopPages.ts'

/**
 * Nothing a participant wrote or placed disappears without a word: the hidden-mode dialog keeps
 * its unsent text when closed (client/canvas/sealedNoteStore.ts).
 */
let server: PinnwandServer

test.describe.configure({ timeout: 180_000 })

test.beforeAll(async () => {
  server = await PinnwandServer.start({ entry: 'built' })
})
test.afterAll(async () => {
  await server?.stop()
})
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()))
})

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
