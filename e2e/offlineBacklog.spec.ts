import { expect, test, type Page } from '@playwright/test'
import { createSession } from '../server/testing/apiClient.ts'
import { PinnwandServer } from '../server/testing/serverProcess.ts'
import { joinAs, noteOnCanvas, waitForCanvas } from './support/workshopPages.ts'

// Messages may be 32 KiB (MAX_MESSAGE_BYTES), a reconnect's sync answer 96 KiB
// (MAX_SYNC_MESSAGE_BYTES): a few long notes written offline go beyond one, many beyond both.
let server: PinnwandServer

test.beforeAll(async () => {
  server = await PinnwandServer.start({
    entry: 'built',
    env: { MAX_MESSAGE_BYTES: String(32 * 1024), MAX_SYNC_MESSAGE_BYTES: String(96 * 1024) },
  })
})
test.afterAll(async () => {
  await server?.stop()
})

/** Posts a note on board `questionIndex` with `text` pasted into it (Ctrl+V), and leaves it. */
async function pasteNote(page: Page, questionIndex: number, text: string): Promise<void> {
  await page.getByTestId(`add-note-${questionIndex}`).click()
  await page.evaluate((content) => navigator.clipboard.writeText(content), text)
  await page.keyboard.press('Control+v')
  await expect(page.locator('.tl-shape [contenteditable="true"]')).toContainText(text.slice(0, 40))
  await page.keyboard.press('Escape')
}

/** About 14 KB of text starting with `word`: each such note fits into one message. */
const longText = (word: string) => `${word} `.repeat(Math.ceil(14_000 / (word.length + 1)))

const refusedAndReloaded = 'Die Pinnwand wird neu geladen'

test('notes written offline that together exceed a message all arrive after reconnect', async ({ browser }) => {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const ben = await joinAs(browser, session.participantUrl, 'Ben')

  await anna.context().setOffline(true)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  const words = ['Alpha', 'Bravo', 'Charlie']
  for (const word of words) await pasteNote(anna, 0, longText(word))
  await anna.context().setOffline(false)

  for (const word of words) await expect(noteOnCanvas(ben, word, 0)).toHaveCount(1, { timeout: 30_000 })
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  // Anna's board was not thrown away: her notes are still there, and nothing was refused.
  for (const word of words) await expect(noteOnCanvas(anna, word, 0)).toHaveCount(1)
  await expect(anna.getByTestId('toast').filter({ hasText: refusedAndReloaded })).toHaveCount(0)
})
