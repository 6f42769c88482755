import { expect, test, type Page } from '@playwright/test'
import { createSession } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { closeContextsAfterEach } from './support/closeContextsAfterEach.ts'
import { boxesOverlap, boxOf } from './support/layoutChecks.ts'
import { joinAs, noteOnCanvas, noteShapeId, openModerator, postNote } from './support/workshopPages.ts'

/**
 * Dot voting as a workshop meets it on the canvas: the controls of neighbouring notes, and what
 * the moderator's voting form offers after a reload.
 */
const server = useBuiltServer()
closeContextsAfterEach()

// Two browsers with the full canvas on a two-core machine.
test.describe.configure({ timeout: 240_000 })

test('the dot controls of two notes side by side stay apart, also with "2 zählen nicht"; the right note’s "−" takes the dot back', async ({ browser }, testInfo) => {
  const session = await createSession(server.origin)
  const ben = await joinAs(browser, session.participantUrl, 'Ben')
  const moderator = await openModerator(browser, session)
  // Slots 0 and 1 of the board's grid: side by side at the default spacing.
  await postNote(ben, 0, 'Links')
  await postNote(ben, 0, 'Rechts')
  await postNote(ben, 0, 'Weg')
  const left = await noteShapeId(ben, 'Links')
  const right = await noteShapeId(ben, 'Rechts')
  const removed = await noteShapeId(ben, 'Weg')
  await moderator.getByTestId('voting-dots-input').fill('4')
  await moderator.getByTestId('voting-start').click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 4 von 4 Punkten')
  for (const target of [right, removed, removed, left]) await ben.getByTestId(`dot-add-${target}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 4 Punkten')

  // The moderator removes a note: Ben places its two dots on the left note; the undo brings them
  // back, and the left note's two dots placed meanwhile count for nobody ("2 zählen nicht").
  await noteOnCanvas(moderator, 'Weg').click()
  await moderator.keyboard.press('Delete')
  await expect(noteOnCanvas(ben, 'Weg')).toHaveCount(0)
  await ben.getByTestId(`dot-add-${left}`).click()
  await ben.getByTestId(`dot-add-${left}`).click()
  await expect(ben.getByTestId('dots-left')).toHaveText('Noch 0 von 4 Punkten')
  await moderator.keyboard.press('ControlOrMeta+z')
  await expect(noteOnCanvas(ben, 'Weg')).toHaveCount(1)
  await expect(ben.getByTestId(`dot-count-${left}`)).toHaveText('1 Punkt · 1 von dir')
  await expect(ben.getByTestId(`dot-beyond-budget-${left}`)).toHaveText('2 zählen nicht')
  await expect(ben.getByTestId(`dot-count-${right}`)).toHaveText('1 Punkt · 1 von dir')

  const leftControls = await boxOf(ben.getByTestId(`dot-controls-${left}`))
  const rightControls = await boxOf(ben.getByTestId(`dot-controls-${right}`))
  await ben.screenshot({ path: testInfo.outputPath('neighbouring-dot-controls.png') })
  expect(boxesOverlap(leftControls, rightControls), 'the controls of two neighbouring notes on each other').toBe(false)

  // A real click (Playwright clicks only what receives the pointer there) on the right note's "−".
  await ben.getByTestId(`dot-remove-${right}`).click()
  await expect(ben.getByTestId(`dot-count-${right}`)).toHaveText('0 Punkte')
  // His dot there is gone, so one of those that did not count counts now.
  await expect(ben.getByTestId(`dot-count-${left}`)).toHaveText('2 Punkte · 2 von dir')
  await expect(ben.getByTestId(`dot-beyond-budget-${left}`)).toHaveText('1 zählt nicht')

  // Zoomed out to 50 %, the farthest the controls show (a note 100 px wide): still apart, in English too.
  await ben.getByTestId('language-toggle').click()
  await ben.keyboard.press('-')
  await expect(ben.getByRole('button', { name: /^Zoom\b.*\b50%$/ })).toBeVisible()
  await expect(ben.getByTestId(`dot-beyond-budget-${left}`)).toHaveText('1 does not count')
  const boxes = await Promise.all([left, right, removed].map((id) => boxOf(ben.getByTestId(`dot-controls-${id}`))))
  await ben.screenshot({ path: testInfo.outputPath('neighbouring-dot-controls-50.png') })
  expect(boxesOverlap(boxes[0]!, boxes[1]!) || boxesOverlap(boxes[1]!, boxes[2]!), 'controls of neighbours on each other at 50 %').toBe(false)
  await ben.getByTestId(`dot-remove-${removed}`).click()
  await expect(ben.getByTestId(`dot-count-${removed}`)).toHaveText('1 dot · 1 from you')
  await expect(ben.getByTestId(`dot-count-${left}`)).toHaveText('3 dots · 3 from you')
})

test('after a reload, and on another device, the moderator’s voting form holds the last round’s settings', async ({ browser }) => {
  const session = await createSession(server.origin)
  const moderator = await openModerator(browser, session)
  // Before any round: the defaults.
  await expect(moderator.getByTestId('voting-dots-input')).toHaveValue('5')
  await moderator.getByTestId('voting-dots-input').fill('7')
  await moderator.getByTestId('voting-max-per-target-input').fill('2')
  await moderator.getByTestId('voting-hide-results').check()
  await moderator.getByTestId('voting-start').click()
  await expect(moderator.getByTestId('voting-status')).toHaveText(/7/)
  await moderator.getByTestId('voting-end').click()
  await expect(moderator.getByTestId('voting-end')).toBeDisabled()

  const expectLastRound = async (page: Page) => {
    await expect(page.getByTestId('voting-dots-input')).toHaveValue('7')
    await expect(page.getByTestId('voting-max-per-target-input')).toHaveValue('2')
    await expect(page.getByTestId('voting-hide-results')).toBeChecked()
  }
  await moderator.reload()
  await expect(moderator.getByTestId('moderator-panel')).toBeVisible()
  await expectLastRound(moderator)
  // A fresh browser has nothing stored: the settings come from the session's document.
  await expectLastRound(await openModerator(browser, session))
})
