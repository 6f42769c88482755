import { devices, expect, test } from '@playwright/test'
import { createSession } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { joinAs } from './support/workshopPages.ts'

/** Someone whose network drops for a moment is back in everyone's online list when it returns. */
const server = useBuiltServer()

test.describe.configure({ timeout: 180_000 })

test('a phone participant who was offline for a moment is in the online list again as soon as she is back', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  const context = await browser.newContext({ ...devices['Pixel 7'] })
  const carla = await context.newPage()
  await carla.goto(session.participantUrl)
  await carla.getByTestId('name-input').fill('Carla')
  // Joining announces her: awareness would renew that by itself only 15 s later, so whatever
  // brings her back sooner is the reconnect.
  await carla.getByTestId('name-submit').tap()
  await expect(carla.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(moderator.getByTestId('online-list')).toContainText('Carla')

  // A few seconds without network: the server keeps her old socket until the network is back
  // and closes it then, just before her new one opens.
  await context.setOffline(true)
  await expect(carla.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await carla.waitForTimeout(4_000)
  await context.setOffline(false)
  await expect(carla.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  // Without a fresh awareness clock she was missing here until her state renewed itself.
  await expect(moderator.getByTestId('online-list')).toContainText('Carla', { timeout: 6_000 })
})
