import AxeBuilder from '@axe-core/playwright'
import { devices, expect, test, type Page } from '@playwright/test'
import { createSession, moderate } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'

/**
 * axe-core on the pages people with a screen reader or only a keyboard use: the start page, the
 * list view and the phone view. No serious or critical violation is allowed.
 */
const server = useBuiltServer()

// Several browsers (one with tldraw) on a 2-core machine: give each test room.
test.describe.configure({ timeout: 180_000 })

async function seriousViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  const summary = serious.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }))
  if (summary.length > 0) console.log(`${name}:`, JSON.stringify(summary, null, 2))
  return summary
}

async function joinIn(page: Page, url: string, name: string) {
  await page.goto(url)
  await page.getByTestId('name-input').fill(name)
  await page.getByTestId('name-submit').click()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
}

test('the start page has no serious accessibility violations', async ({ page }) => {
  await page.goto(server.origin + '/')
  await expect(page.getByTestId('create-workshop')).toBeVisible()
  expect(await seriousViolations(page, 'start page')).toEqual([])
  await page.getByTestId('create-workshop').click()
  await expect(page.getByTestId('participant-link')).toBeVisible()
  expect(await seriousViolations(page, 'start page with links')).toEqual([])
})

test('the list view has no serious accessibility violations, also while voting', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await joinIn(page, session.participantUrl, 'Lena')
  await page.getByTestId('view-list').click()
  const list = page.getByTestId('list-view')
  await list.getByRole('textbox', { name: 'Neue Karte zu Frage 2' }).fill('Nachbarschaftshilfe')
  await list.getByTestId('list-board-1').getByRole('button', { name: 'Karte senden' }).click()
  await expect(list.getByTestId('list-note')).toContainText('Nachbarschaftshilfe')
  expect(await seriousViolations(page, 'list view')).toEqual([])

  // Editing in place, by keyboard: the field takes the focus, the edit button gets it back.
  const editButton = list.getByRole('button', { name: 'Karte bearbeiten: Nachbarschaftshilfe' })
  await editButton.focus()
  await page.keyboard.press('Enter')
  const editField = list.getByRole('textbox', { name: 'Text der Karte' })
  await expect(editField).toBeFocused()
  expect(await seriousViolations(page, 'list view editing')).toEqual([])
  await page.keyboard.press('End')
  await page.keyboard.type(' für Ältere')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const edited = list.getByRole('button', { name: 'Karte bearbeiten: Nachbarschaftshilfe für Ältere' })
  await expect(edited).toBeFocused()

  // Deleting one's own note.
  await list.getByRole('textbox', { name: 'Neue Karte zu Frage 2' }).fill('Tippfehler')
  await list.getByTestId('list-board-1').getByRole('button', { name: 'Karte senden' }).click()
  await list.getByRole('button', { name: 'Karte löschen: Tippfehler' }).click()
  await expect(list.getByTestId('list-note')).toHaveCount(1)

  await moderate(server.origin, session.id, session.moderatorToken, { action: 'startVoting', dotsPerParticipant: 1, maxPerTarget: null, hideResults: false })
  await moderate(server.origin, session.id, session.moderatorToken, { action: 'startTimer', durationMs: 300_000 })
  await list.getByRole('button', { name: 'Punkt geben: Nachbarschaftshilfe für Ältere' }).click()
  await expect(list.getByTestId('dot-budget')).toHaveText('Noch 0 von 1 Punkten')
  await expect(list.getByTestId('timer')).toHaveText(/^[45]:\d\d$/)
  await page.screenshot({ path: testInfo.outputPath('list-view.png'), fullPage: true })
  expect(await seriousViolations(page, 'list view voting')).toEqual([])
})

test('the phone view has no serious accessibility violations', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const context = await browser.newContext({ ...devices['Pixel 7'] })
  const page = await context.newPage()
  await joinIn(page, session.participantUrl, 'Mia')
  await expect(page.getByTestId('phone-view')).toBeVisible()
  expect(await seriousViolations(page, 'phone view')).toEqual([])

  await page.getByTestId('phone-question-1').check()
  await page.getByTestId('phone-note-input').fill('Mehr Bänke im Park')
  await page.getByTestId('phone-send').click()
  await expect(page.getByTestId('phone-my-notes')).toContainText('Mehr Bänke im Park')
  await moderate(server.origin, session.id, session.moderatorToken, { action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: 2, hideResults: true })
  await moderate(server.origin, session.id, session.moderatorToken, { action: 'startTimer', durationMs: 120_000 })
  await expect(page.getByTestId('dot-budget')).toHaveText('Noch 3 von 3 Punkten')
  await page.getByTestId('dot-add').first().click()
  await expect(page.getByTestId('dot-budget')).toHaveText('Noch 2 von 3 Punkten')
  await page.screenshot({ path: testInfo.outputPath('phone-view.png'), fullPage: true })
  expect(await seriousViolations(page, 'phone view voting')).toEqual([])
})
