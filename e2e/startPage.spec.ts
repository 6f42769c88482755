import { expect, test } from '@playwright/test'
import { defaultTemplate } from '../shared/template/defaultTemplate.ts'
import { useBuiltServer } from './support/builtServer.ts'

/** The organiser's own template on the start page: a mistake is named so that it can be mended. */
const server = useBuiltServer()

const ownTemplate = (questions: string[]) => ({
  name: 'vorlage.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ title: 'Stadtteilwerkstatt', questions })),
})

test('an own template with an empty guiding question is refused with what to mend; the mended one creates the workshop', async ({ page }) => {
  await page.goto(server.origin + '/')
  await page.getByTestId('template-select').selectOption({ label: 'Eigene Vorlage (JSON-Datei) …' })
  await page.getByTestId('template-file').setInputFiles(ownTemplate(['Was läuft gut?', '   ', 'Was fehlt?']))
  await page.getByTestId('create-workshop').click()
  await expect(page.getByTestId('create-error')).toHaveText('Anlegen hat nicht geklappt: Die Vorlage ist ungültig: „Leitfrage 2“ ist leer')
  await page.getByTestId('language-toggle').click()
  await expect(page.getByTestId('create-error')).toHaveText('Creating the workshop did not work: The template is invalid: “Guiding question 2” is empty')

  await page.getByTestId('template-file').setInputFiles(ownTemplate(['Was läuft gut?', 'Was fehlt?']))
  await page.getByTestId('create-workshop').click()
  await expect(page.getByTestId('participant-link')).toBeVisible()
})

test('a template file that is not JSON is named with the line and column to mend, in the page language', async ({ page }) => {
  const text = '{\n  "title": "Stadtteilwerkstatt",\n  "questions": ["Was läuft gut?" "Was fehlt?"]\n}'
  const column = text.split('\n')[2]!.indexOf('"Was fehlt?"') + 1
  await page.goto(server.origin + '/')
  await page.getByTestId('template-select').selectOption({ label: 'Eigene Vorlage (JSON-Datei) …' })
  await page.getByTestId('template-file').setInputFiles({ name: 'vorlage.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.getByTestId('create-error')).toHaveText(`Die Datei ist kein gültiges JSON: Fehler in Zeile 3, Spalte ${column}.`)
  await page.getByTestId('language-toggle').click()
  await expect(page.getByTestId('create-error')).toHaveText(`The file is not valid JSON: error in line 3, column ${column}.`)

  await page.getByTestId('template-file').setInputFiles({ name: 'leer.json', mimeType: 'application/json', buffer: Buffer.from('') })
  await expect(page.getByTestId('create-error')).toHaveText('The file is empty.')
})

test('before creating, the start page shows the guiding questions of the chosen template, an own file’s too', async ({ page }) => {
  await page.goto(server.origin + '/')
  const preview = page.getByTestId('template-questions')
  // The seed workshop's five questions, as the invitation words them.
  await expect(preview.getByRole('listitem')).toHaveText(defaultTemplate.questions)
  expect(defaultTemplate.questions).toHaveLength(5)
  await expect(preview.getByRole('heading')).toHaveText('Leitfragen dieser Vorlage (5)')
  await page.getByTestId('language-toggle').click()
  await expect(preview.getByRole('heading')).toHaveText('Guiding questions of this template (5)')

  await page.getByTestId('template-select').selectOption({ label: 'Own template (JSON file) …' })
  await expect(preview).toHaveCount(0)
  await page.getByTestId('template-file').setInputFiles(ownTemplate(['Was läuft gut?', 'Was fehlt?']))
  await expect(preview.getByRole('listitem')).toHaveText(['Was läuft gut?', 'Was fehlt?'])
})

test('after creating, the moderator’s secret link stands apart from the projector’s and the participants’: own heading, tag, icon, colour and hint', async ({ page }) => {
  await page.goto(server.origin + '/')
  await page.getByTestId('create-workshop').click()
  const card = (testId: string) => page.locator('[data-link-kind]').filter({ has: page.getByTestId(testId) })
  const moderator = card('moderator-link')
  const viewer = card('viewer-link')
  const participant = card('participant-link')
  await expect(moderator.getByRole('heading')).toHaveText('Moderationslink Geheim')
  await expect(viewer.getByRole('heading')).toHaveText('Beamer-Link (nur lesen) Beamer')
  await expect(participant.getByRole('heading')).toHaveText('Link für Teilnehmende Teilen')
  await expect(moderator.getByTestId('moderator-link')).toHaveAccessibleDescription(/nicht auf dem Beamer zeigen/)
  for (const each of [moderator, viewer, participant]) await expect(each.locator('svg')).toBeVisible()
  const colours = await Promise.all([moderator, viewer, participant].map((each) => each.evaluate((element) => getComputedStyle(element).borderLeftColor)))
  expect(new Set(colours).size, `left borders ${colours.join(', ')}`).toBe(3)

  await page.getByTestId('language-toggle').click()
  await expect(moderator.getByRole('heading')).toHaveText('Moderator link Secret')
  await expect(viewer.getByRole('heading')).toHaveText('Projector link (read-only) Projector')
})
