import { expect, test } from '@playwright/test'
import { createSession, getJson, moderate } from '../server/testing/apiClient.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { joinAs } from './support/workshopPages.ts'

const server = useBuiltServer()

// Two browsers with tldraw on a 2-core machine: give the test room.
test.describe.configure({ timeout: 180_000 })

test('hidden mode: a round that ends before the reveal ranks the sealed note on the canvas as "Verdeckte Karte" with its dots; only its author reads its text', async ({ browser }, testInfo) => {
  const foreign: string[] = []
  const session = await createSession(server.origin)
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })).status).toBe(200)
  const paul = await joinAs(browser, session.participantUrl, 'Paul', foreign)
  const ben = await joinAs(browser, session.participantUrl, 'Ben', foreign)

  // Paul's "+ Karte" posts through the server: the document holds no text for the note.
  await paul.getByTestId('add-note-1').click()
  await paul.getByTestId('sealed-note-input').fill('Paul geheim Runde zwei')
  await paul.getByTestId('sealed-note-send').click()
  await paul.getByTestId('sealed-note-close').click()
  await expect(paul.locator('[data-testid="sealed-note"][data-mine="true"]')).toContainText('Paul geheim Runde zwei')
  await expect(ben.getByTestId('sealed-note')).toHaveCount(1)

  // Still hidden: the round runs on the sealed note. Its dot button names it as its cover and the
  // phone do: "Verdeckte Karte" for Ben, its text for Paul.
  expect(
    (await moderate(server.origin, session.id, session.moderatorToken, { action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: null, hideResults: false })).status,
  ).toBe(200)
  // All boards in view are too small for the controls: the badge brings the board close.
  await ben.getByRole('button', { name: 'Näher heran zum Punkten: Verdeckte Karte' }).click()
  await paul.getByRole('button', { name: 'Näher heran zum Punkten: Paul geheim Runde zwei' }).click()
  const bensAdd = ben.getByRole('button', { name: 'Punkt geben: Verdeckte Karte' })
  await expect(bensAdd).toHaveCount(1)
  await expect(paul.getByRole('button', { name: 'Punkt geben: Paul geheim Runde zwei' })).toHaveCount(1)
  await bensAdd.click()
  await bensAdd.click()
  await expect(ben.getByRole('button', { name: 'Punkt entfernen: Verdeckte Karte' })).toBeEnabled()

  // The round ends before the reveal: the results panel lists the sealed note with its dots.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'endVoting' })).status).toBe(200)
  const bensResults = ben.getByTestId('voting-results')
  await expect(bensResults.getByTestId('voting-results-board-1').getByTestId('voting-result')).toHaveText([/^1\.\s*Verdeckte Karte\s*2 Punkte$/])
  await expect(bensResults.getByTestId('voting-results-board-0')).toContainText('Keine Punkte vergeben.')
  await expect(paul.getByTestId('voting-results-board-1').getByTestId('voting-result')).toHaveText([/^1\.\s*Paul geheim Runde zwei\s*2 Punkte$/])
  expect(await ben.content()).not.toContain('Paul geheim Runde zwei')
  await ben.screenshot({ path: testInfo.outputPath('ben-results-sealed.png') })
  await paul.screenshot({ path: testInfo.outputPath('paul-results-sealed.png') })

  // The protocol says the same, without the text (the server has it, the export does not take it).
  const exported = await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)
  expect(exported.status).toBe(200)
  expect(exported.json.boards[1].ranking).toEqual([{ place: 1, kind: 'note', id: expect.stringMatching(/^shape:/), label: '', dots: 2, sealed: true }])
  const markdown = await (
    await fetch(`${server.origin}/api/sessions/${session.id}/export?format=md`, { headers: { Authorization: `Bearer ${session.moderatorToken}` } })
  ).text()
  expect(markdown).toContain('| 1 | 2 | Karte | (verdeckte Karte) |')
  expect(markdown).not.toContain('Paul geheim Runde zwei')
  expect(foreign, 'requests that left the origin').toEqual([])
})
