import { expect, test } from '@playwright/test'
import { createSession } from '../server/testing/apiClient.ts'
import { defaultTemplate } from '../shared/template/defaultTemplate.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { joinAs, noteOnCanvas, postNote } from './support/workshopPages.ts'

/** A board's question is read in full: the notes posted below it never cover its last line. */
const server = useBuiltServer()

test.describe.configure({ timeout: 180_000 })

test('a long guiding question stays clear of the first row of notes on its board', async ({ browser }) => {
  // The seed workshop's fourth question is its longest (about 170 characters, four lines at the
  // header's first size); templates allow up to 500.
  const longest = defaultTemplate.questions.reduce((a, b) => (b.length > a.length ? b : a))
  const veryLong = `${longest} ${longest} ${longest}`.slice(0, 500)
  const session = await createSession(server.origin, { template: { ...defaultTemplate, questions: [longest, veryLong] } })
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  for (const questionIndex of [0, 1]) {
    await anna.keyboard.press('Shift+1')
    await postNote(anna, questionIndex, `Karte zu Frage ${questionIndex + 1}`)
    const note = noteOnCanvas(anna, `Karte zu Frage ${questionIndex + 1}`, questionIndex)
    await expect(note).toBeVisible()
    const header = anna.locator(`[data-shape-id="shape:board-${questionIndex}-header"] .tl-text-content`)
    await expect(header).toContainText(longest.slice(0, 40))
    const headerBox = (await header.boundingBox())!
    const noteBox = (await note.locator('xpath=ancestor::div[@data-shape-id][1]').boundingBox())!
    expect(headerBox.y + headerBox.height, `question ${questionIndex + 1} ends above its first note`).toBeLessThanOrEqual(noteBox.y)
  }
})
