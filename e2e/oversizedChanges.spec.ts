import { expect, test } from '@playwright/test'
import { createSession } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { joinAs, noteOnCanvas, pasteNote, postNote } from './support/workshopPages.ts'

// A server whose messages may be 32 KiB (MAX_MESSAGE_BYTES): a few long notes go over it, no photos needed.
const server = useBuiltServer({ env: { MAX_MESSAGE_BYTES: String(32 * 1024) } })

const refusedAndReloaded = 'Die Pinnwand wird neu geladen'

test('changes of one moment larger than a message all arrive: two long notes duplicated together', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  await moderator.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  // Each note fits into a message (about 16 KB); both together do not.
  await pasteNote(moderator, 0, 'Alpha '.repeat(2600))
  await pasteNote(moderator, 0, 'Bravo '.repeat(2600))
  await expect(anna.locator('[data-testid="note"]')).toHaveCount(2)
  await moderator.keyboard.press('Escape')
  await moderator.keyboard.press('Control+a')
  await moderator.keyboard.press('Control+d')
  await expect(moderator.locator('[data-testid="note"]')).toHaveCount(4)
  // Both copies reach the others, and the moderator's board was not thrown away and reloaded.
  await expect(anna.locator('[data-testid="note"]')).toHaveCount(4)
  await expect(noteOnCanvas(anna, 'Alpha')).toHaveCount(2)
  await expect(noteOnCanvas(anna, 'Bravo')).toHaveCount(2)
  await expect(moderator.getByTestId('toast').filter({ hasText: refusedAndReloaded })).toHaveCount(0)
})

test('a note too large to send is refused alone, its text kept to copy; what was written before and after arrives', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await anna.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await postNote(anna, 0, 'Davor')
  const tooLong = 'Zu lang '.repeat(5000) // 40 KB
  await pasteNote(anna, 0, tooLong)
  const kept = anna.getByTestId('toast').filter({ has: anna.getByTestId('toast-kept-text') })
  await expect(kept).toContainText('Nicht gesendet (Eine Änderung war zu groß, um sie an den Server zu senden)')
  // (Compared here, not by toHaveValue: a failure would print 40 KB twice.)
  expect((await kept.getByTestId('toast-kept-text').inputValue()).trim() === tooLong.trim(), 'the whole text is kept').toBe(true)
  await postNote(anna, 0, 'Danach')
  await expect(noteOnCanvas(moderator, 'Davor', 0)).toBeVisible()
  await expect(noteOnCanvas(moderator, 'Danach', 0)).toBeVisible()
  await expect(noteOnCanvas(moderator, 'Zu lang')).toHaveCount(0)
  await expect(anna.getByTestId('toast').filter({ hasText: refusedAndReloaded })).toHaveCount(0)
})
