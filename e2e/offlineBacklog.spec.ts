import { expect, test, type Browser } from '@playwright/test'
import { createSession, moderate } from '../server/testing/apiClient.ts'
import { boardId } from '../shared/workshop/workshopRecords.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { joinAs, noteOnCanvas, pasteNote, postNote, waitForCanvas } from './support/workshopPages.ts'

// Messages may be 32 KiB (MAX_MESSAGE_BYTES), a reconnect's sync answer 96 KiB
// (MAX_SYNC_MESSAGE_BYTES): a few long notes written offline go beyond one, many beyond both.
const server = useBuiltServer({ env: { MAX_MESSAGE_BYTES: String(32 * 1024), MAX_SYNC_MESSAGE_BYTES: String(96 * 1024) } })

/** About 14 KB of text starting with `word`: each such note fits into one message. */
const longText = (word: string) => `${word} `.repeat(Math.ceil(14_000 / (word.length + 1)))

const refusedAndReloaded = 'Die Pinnwand wird neu geladen'

/** A new workshop with Anna and Ben on its canvas; Anna, who may paste, has just lost her connection. */
async function annaOfflineBesideBen(browser: Browser) {
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const ben = await joinAs(browser, session.participantUrl, 'Ben')
  await anna.context().setOffline(true)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  return { session, anna, ben }
}

test('notes written offline that together exceed a message all arrive after reconnect', async ({ browser }) => {
  const { anna, ben } = await annaOfflineBesideBen(browser)
  const words = ['Alpha', 'Bravo', 'Charlie']
  for (const word of words) await pasteNote(anna, 0, longText(word))
  await anna.context().setOffline(false)

  for (const word of words) await expect(noteOnCanvas(ben, word, 0)).toHaveCount(1, { timeout: 30_000 })
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  // Anna's board was not thrown away: her notes are still there, and nothing was refused.
  for (const word of words) await expect(noteOnCanvas(anna, word, 0)).toHaveCount(1)
  await expect(anna.getByTestId('toast').filter({ hasText: refusedAndReloaded })).toHaveCount(0)
})

test('offline work beyond the sync limit is refused with a message, and the texts that did not arrive are kept to copy', async ({ browser }) => {
  const { anna, ben } = await annaOfflineBesideBen(browser)
  // Eight notes of ~14 KB: beyond MAX_SYNC_MESSAGE_BYTES (96 KiB) together.
  const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel']
  for (const word of words) await pasteNote(anna, 0, longText(word))
  await anna.context().setOffline(false)

  // The refusal says why, and the board is reloaded from the server's state ...
  await expect(anna.getByTestId('toast').filter({ hasText: 'Eine Änderung war zu groß' })).toBeVisible({ timeout: 30_000 })
  await waitForCanvas(anna)
  await expect(anna.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 30_000 })
  await expect(noteOnCanvas(anna, 'Alpha')).toHaveCount(0)
  // ... and what she wrote offline is not silently gone: every text is there to copy.
  const kept = anna.getByTestId('toast').filter({ hasText: 'ohne Verbindung geschrieben' })
  await expect(kept).toBeVisible({ timeout: 30_000 })
  const keptText = await kept.getByTestId('toast-kept-text').inputValue()
  for (const word of words) expect(keptText.includes(longText(word).trim()), `the text of ${word} is kept`).toBe(true)
  await expect(noteOnCanvas(ben, 'Alpha')).toHaveCount(0)
  // After the reload she writes on as before.
  await pasteNote(anna, 1, 'Danach geschrieben')
  await expect(noteOnCanvas(ben, 'Danach geschrieben', 1)).toBeVisible()
})

test('offline notes refused on reconnect for a rule (their board was locked meanwhile) are offered to copy', async ({ browser }) => {
  const { session, anna, ben } = await annaOfflineBesideBen(browser)
  await postNote(anna, 2, 'Vor der Sperre geschrieben')
  await postNote(anna, 2, 'Zu spät')
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'lockBoard', boardId: boardId(2), locked: true })).status).toBe(200)
  await anna.context().setOffline(false)

  await expect(anna.getByTestId('toast').filter({ hasText: 'abgelehnt (Diese Leitfrage ist gesperrt)' })).toBeVisible({ timeout: 30_000 })
  const kept = anna.getByTestId('toast').filter({ hasText: 'ohne Verbindung geschrieben' })
  await expect(kept).toBeVisible({ timeout: 30_000 })
  // Both went with the refused message, so both texts are kept.
  const keptText = await kept.getByTestId('toast-kept-text').inputValue()
  expect(keptText.split('\n\n').sort()).toEqual(['Vor der Sperre geschrieben', 'Zu spät'])
  await expect(noteOnCanvas(ben, 'Zu spät')).toHaveCount(0)
})
