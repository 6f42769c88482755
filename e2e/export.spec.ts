import { expect, test, type Download, type Locator, type Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { createSession, getJson, join as joinSession, moderate } from '../server/testing/apiClient.ts'
import { SyncTestClient } from '../server/testing/syncClient.ts'
import { readModerationState } from '../shared/moderation/moderationState.ts'
import { getDotsMap, type Dot } from '../shared/workshop/dots.ts'
import { useBuiltServer } from './support/builtServer.ts'
import { dotAddButton, joinAs, noteOnCanvas, noteShapeId, postNote, waitForCanvas } from './support/workshopPages.ts'

const NOTE = 'Mehr Bürgerhaushalt, "jetzt"'

const server = useBuiltServer()

/** Clicks a download button and returns the file the browser saved. */
async function download(page: Page, testId: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  expect(await file.failure()).toBeNull()
  const bytes = await readFile((await file.path())!)
  return { file, bytes }
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('a moderator downloads the results in every format and pictures of the boards', async ({ browser }, testInfo) => {
  // Two browsers and seven downloads: more than the default budget on a busy 2-core machine.
  test.setTimeout(240_000)
  const session = await createSession(server.origin)
  const foreign: string[] = []
  const moderator = await joinAs(browser, server.origin + new URL(session.moderatorUrl).pathname + new URL(session.moderatorUrl).hash, 'Mia', foreign)
  const anna = await joinAs(browser, server.origin + new URL(session.participantUrl).pathname, 'Anna', foreign)
  await postNote(anna, 0, NOTE)
  await expect(moderator.getByTestId('note').filter({ hasText: NOTE })).toBeVisible()

  // Participants get no export.
  await expect(anna.getByTestId('export-open')).toHaveCount(0)

  await moderator.getByTestId('export-open').click()
  await expect(moderator.getByTestId('export-panel')).toBeVisible()
  await moderator.screenshot({ path: testInfo.outputPath('export-panel.png') })

  const json = await download(moderator, 'export-json')
  expect(json.file.suggestedFilename()).toMatch(/\.json$/)
  const model = JSON.parse(json.bytes.toString('utf8'))
  expect(model.sessionId).toBe(session.id)
  expect(model.boards[0].unclusteredNotes).toEqual([expect.objectContaining({ text: NOTE, authorName: 'Anna' })])

  const csv = await download(moderator, 'export-csv')
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/)
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(csv.bytes.toString('utf8')).toContain('"Mehr Bürgerhaushalt, ""jetzt"""')

  const markdown = await download(moderator, 'export-md')
  expect(markdown.file.suggestedFilename()).toMatch(/\.md$/)
  expect(markdown.bytes.toString('utf8')).toContain('Mehr Bürgerhaushalt, "jetzt"')

  const docx = await download(moderator, 'export-docx')
  expect(docx.file.suggestedFilename()).toMatch(/\.docx$/)
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')

  // The options reach the server: anonymised, Anna's name is gone.
  await moderator.getByTestId('export-anonymise').check()
  const anonymised = JSON.parse((await download(moderator, 'export-json')).bytes.toString('utf8'))
  expect(anonymised.options.anonymise).toBe(true)
  expect(JSON.stringify(anonymised)).not.toContain('Anna')

  const png = await download(moderator, 'export-board-png-0')
  expect(png.file.suggestedFilename()).toMatch(/-leitfrage-1\.png$/)
  await writeFile(testInfo.outputPath('board-1.png'), png.bytes)
  const size = pngSize(png.bytes)
  expect(size.width).toBeGreaterThan(0)
  expect(size.height).toBeGreaterThan(0)

  const svg = await download(moderator, 'export-board-svg-0')
  expect(svg.file.suggestedFilename()).toMatch(/-leitfrage-1\.svg$/)
  expect(svg.bytes.toString('utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/)

  const canvas = await download(moderator, 'export-canvas-svg')
  expect(canvas.file.suggestedFilename()).toMatch(/-pinnwand\.svg$/)
  expect(canvas.bytes.toString('utf8')).toContain('<svg')
  await writeFile(testInfo.outputPath('canvas.svg'), canvas.bytes)
  await expect(moderator.getByTestId('export-status')).toContainText('pinnwand.svg')

  // Everything, fonts of the pictures included, came from our own server.
  expect(foreign, 'requests that left the origin').toEqual([])
})

test('a board’s picture shows the dots on its notes and clusters and the authors, numbered as in the files when anonymised', async ({ browser }, testInfo) => {
  test.setTimeout(240_000)
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Mia')
  const anna = await joinAs(browser, session.participantUrl, 'Anna Beispiel')
  // Ben writes first, but Anna's clustered note comes first in the files' reading order.
  const ben = await joinAs(browser, session.participantUrl, 'Ben Zweiter')
  await postNote(ben, 0, 'Sportfest')
  await postNote(anna, 0, 'Spielplatz')
  await postNote(anna, 0, 'Bolzplatz')
  const noteId = await noteShapeId(anna, 'Spielplatz')
  // The moderator makes a cluster of one note.
  await moderator.getByTestId('phase-cluster').click()
  await noteOnCanvas(moderator, 'Bolzplatz', 0).click()
  await moderator.getByTestId('cluster-create').click()
  await moderator.getByTestId('cluster-rename').fill('Sport')
  const clusterOf = async () =>
    (await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)).json.boards[0].clusters[0]?.id as string | undefined
  await expect.poll(clusterOf).toMatch(/^shape:/)
  const clusterId = (await clusterOf())!

  await moderator.getByTestId('voting-dots-input').fill('3')
  await moderator.getByTestId('voting-start').click()
  const addToNote = await dotAddButton(anna, noteId)
  await addToNote.click()
  await addToNote.click()
  await (await dotAddButton(anna, clusterId)).click()
  await expect(anna.getByTestId('dots-left')).toHaveText('Noch 0 von 3 Punkten')
  await expect(moderator.getByTestId(`dot-zoom-${noteId}`)).toHaveText('2')
  await expect(moderator.getByTestId(`dot-zoom-${clusterId}`)).toHaveText('1')

  await moderator.getByTestId('export-open').click()
  const svg = (await download(moderator, 'export-board-svg-0')).bytes.toString('utf8')
  await writeFile(testInfo.outputPath('board-with-dots.svg'), svg)
  expect(svg).toContain('<title>2 Punkte</title>')
  expect(svg).toMatch(/data-pinnwand-dots="2"[^>]*>(?:(?!<\/g>)[\s\S])*>2<\/text>/)
  expect(svg).toContain('<title>1 Punkt</title>') // the cluster's
  expect(svg).toContain('Anna Beispiel')
  const png = await download(moderator, 'export-board-png-0')
  await writeFile(testInfo.outputPath('board-with-dots.png'), png.bytes)

  await moderator.getByTestId('export-anonymise').check()
  const anonymised = (await download(moderator, 'export-board-svg-0')).bytes.toString('utf8')
  await writeFile(testInfo.outputPath('board-anonymised.svg'), anonymised)
  expect(anonymised).toContain('<title>2 Punkte</title>')
  expect(anonymised).not.toContain('Anna Beispiel')
  expect(anonymised).not.toContain('Ben Zweiter')
  // The names the files give: the picture numbers the authors the same way.
  const files = (await getJson(server.origin, `/api/sessions/${session.id}/export?format=json&anonymise=1`, session.moderatorToken)).json
  const fileNames = new Map<string, string>(
    files.boards[0].clusters.flatMap((cluster: any) => cluster.notes).concat(files.boards[0].unclusteredNotes).map((note: any) => [note.text, note.authorName]),
  )
  expect([...new Set(fileNames.values())].sort()).toEqual(['Teilnehmer:in 1', 'Teilnehmer:in 2'])
  // Each note's picture (a group with its text, then its author line) carries its file's name.
  for (const [text, name] of fileNames) expect(anonymised, text).toMatch(new RegExp(`${text}(?:(?!Teilnehmer:in)[\\s\\S])*${name}<`))
})

test('the session bar stays one row for a moderator on a laptop with five named people and on the Beamer, and the export panel opens inside the window, also on a phone', async ({ browser }) => {
  const session = await createSession(server.origin, { template: 'beteiligung-als-schritt-zum-engagement' })
  const others: SyncTestClient[] = []
  try {
    for (const name of ['Anna Müller', 'Benedikt Schwarzenberger', 'Carla', 'Dieter Hildebrandt']) {
      const joined = await joinSession(server.origin, session.id, name)
      const client = new SyncTestClient(server.origin, session.id, { participant: joined.participantToken })
      client.provider.awareness.setLocalStateField('user', { participantId: joined.participantId, name, color: '#e03131', role: 'participant' })
      others.push(client)
    }
    for (const viewport of [
      { width: 1400, height: 900 },
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      const moderator = await joinAs(browser, session.moderatorUrl, 'Moni Moderation', [], viewport)
      await expect(moderator.locator('.online__count')).toHaveText('5 online')
      if (viewport.width > 1000) {
        // One row: a wrapped bar put "Export" at the left of a second row.
        expect((await moderator.locator('.session__bar').boundingBox())!.height, `bar at ${viewport.width}`).toBeLessThan(60)
        // The long names give way first: a short one stays whole (it was cut to "C").
        const carla = moderator.locator('.online__name').filter({ hasText: 'Carla' })
        expect(await carla.evaluate((element) => element.scrollWidth <= element.clientWidth), `Carla at ${viewport.width}`).toBe(true)
      }
      await moderator.getByTestId('export-open').click()
      const panel = (await moderator.getByTestId('export-panel').boundingBox())!
      expect(panel.x, `panel left at ${viewport.width}`).toBeGreaterThanOrEqual(0)
      expect(panel.x + panel.width, `panel right at ${viewport.width}`).toBeLessThanOrEqual(viewport.width)
      expect(panel.y + panel.height, `panel bottom at ${viewport.width}`).toBeLessThanOrEqual(viewport.height)
      await moderator.context().close()
    }
    // The Beamer (read-only link) at 1280×720 had "English" alone on a second row.
    const beamer = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
    await beamer.goto(session.viewerUrl)
    await waitForCanvas(beamer)
    await expect(beamer.locator('.online__count')).toHaveText('4 online')
    expect((await beamer.locator('.session__bar').boundingBox())!.height, 'Beamer bar').toBeLessThan(60)
  } finally {
    for (const client of others) client.destroy()
  }
})

test('while a round hides the results, a participant gets no dot counts: not in her own picture of the canvas, not from the export', async ({ browser }, testInfo) => {
  test.setTimeout(240_000)
  const session = await createSession(server.origin)
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  await postNote(anna, 0, 'Spielplatz')
  const noteId = await noteShapeId(anna, 'Spielplatz')
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: null, hideResults: true })).status).toBe(200)

  // Ben gives the note two dots, Anna one: she sees only her own.
  const ben = await joinSession(server.origin, session.id, 'Ben')
  const benClient = new SyncTestClient(server.origin, session.id, { participant: ben.participantToken })
  try {
    await benClient.synced()
    const roundId = readModerationState(benClient.doc).voting!.roundId
    for (const minute of [1, 2]) {
      const dot: Dot = { voterId: ben.participantId, targetId: noteId, roundId, createdAt: `2026-11-27T10:0${minute}:00.000Z` }
      getDotsMap(benClient.doc).set(`ben-${minute}`, dot)
    }
    await expect.poll(async () => (await exported(session)).boards[0].ranking.map((entry: any) => entry.dots)).toEqual([2])
  } finally {
    benClient.destroy()
  }
  await (await dotAddButton(anna, noteId)).click()
  await expect(anna.getByTestId(`dot-count-${noteId}`)).toHaveText('1 von dir')

  // The pictures a participant can make: tldraw's own "Export as" (and "Copy as", which draws the
  // same SVG) on the canvas. The export panel (files and board pictures) is the moderator's.
  await expect(anna.getByTestId('export-open')).toHaveCount(0)
  const hidden = await pictureByContextMenu(anna, noteOnCanvas(anna, 'Spielplatz'))
  await writeFile(testInfo.outputPath('participant-picture-hidden.svg'), hidden)
  expect(hidden).toContain('Spielplatz') // a picture of the note, just without its dots
  expect(hidden).not.toContain('data-pinnwand-dots')
  expect(hidden).not.toMatch(/Punkte?</)

  // The server's export is the moderator's alone: without a token, or with a participant's, it is refused.
  for (const format of ['json', 'csv', 'md', 'docx']) {
    expect((await getJson(server.origin, `/api/sessions/${session.id}/export?format=${format}`)).status, format).toBe(401)
    expect((await getJson(server.origin, `/api/sessions/${session.id}/export?format=${format}`, ben.participantToken)).status, format).toBe(403)
  }

  // Once the round has ended the results are everyone's, and so the picture carries them: the
  // same route, so the missing counts above were the hiding, not a picture without dots.
  expect((await moderate(server.origin, session.id, session.moderatorToken, { action: 'endVoting' })).status).toBe(200)
  await expect(anna.getByTestId(`dot-count-${noteId}`)).toHaveText('3 Punkte · 1 von dir')
  const shown = await pictureByContextMenu(anna, noteOnCanvas(anna, 'Spielplatz'))
  await writeFile(testInfo.outputPath('participant-picture-shown.svg'), shown)
  expect(shown).toMatch(/data-pinnwand-dots="3"[^>]*>(?:(?!<\/g>)[\s\S])*>3<\/text>/)
})

/** The moderator's JSON export of `session`. */
async function exported(session: Awaited<ReturnType<typeof createSession>>): Promise<any> {
  const { status, json } = await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)
  expect(status).toBe(200)
  return json
}

/** tldraw's context menu on `target` › "Export as" › SVG, as a participant has it: the saved picture. */
async function pictureByContextMenu(page: Page, target: Locator): Promise<string> {
  await target.click({ button: 'right' })
  await page.getByTestId('context-menu-sub.export-as-button').click()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('context-menu.export-as-svg').click()])
  expect(await file.failure()).toBeNull()
  await page.keyboard.press('Escape')
  return (await readFile((await file.path())!)).toString('utf8')
}

test('an unnamed cluster reads "(ohne Titel)" and a second "Verkehr" reads "Verkehr (2)" on the canvas and in the board’s picture, as in the files', async ({ browser }, testInfo) => {
  test.setTimeout(240_000)
  const session = await createSession(server.origin)
  const moderator = await joinAs(browser, session.moderatorUrl, 'Mia')
  const anna = await joinAs(browser, session.participantUrl, 'Anna')
  for (const text of ['Radweg', 'Busse', 'Ohne Namen']) await postNote(anna, 0, text)
  await moderator.getByTestId('phase-cluster').click()
  const clusterOfOne = async (text: string, name: string) => {
    await noteOnCanvas(moderator, text, 0).click()
    await moderator.getByTestId('cluster-create').click()
    await moderator.getByTestId('cluster-rename').fill(name)
    await moderator.keyboard.press('Escape')
  }
  await clusterOfOne('Radweg', 'Verkehr')
  await clusterOfOne('Busse', 'Verkehr')
  await clusterOfOne('Ohne Namen', '')
  const clusters = async () =>
    (await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)).json.boards[0].clusters.map((cluster: any) => cluster.label)
  await expect.poll(clusters).toEqual(expect.arrayContaining(['Verkehr', 'Verkehr (2)', '']))

  // On everyone's canvas, the headings the list view and the protocol give: never tldraw's "Frame".
  for (const page of [moderator, anna]) {
    const headings = page.locator('.tl-frame-heading')
    await expect(headings.filter({ hasText: /^\(ohne Titel\)/ })).toHaveCount(1)
    await expect(headings.filter({ hasText: /^Verkehr \(2\)/ })).toHaveCount(1)
    await expect(headings.filter({ hasText: /^Frame/ })).toHaveCount(0)
  }

  // Renaming on the heading itself starts from the name as it is (empty), not from its label.
  await moderator.locator('.tl-frame-heading').filter({ hasText: /^\(ohne Titel\)/ }).dblclick()
  await expect(moderator.locator('.tl-frame-name-input:visible')).toHaveValue('')
  await moderator.keyboard.press('Escape')

  await moderator.getByTestId('export-open').click()
  const svg = (await download(moderator, 'export-board-svg-0')).bytes.toString('utf8')
  await writeFile(testInfo.outputPath('board-cluster-labels.svg'), svg)
  // tldraw sets each word of a heading in a tspan of its own (and ends it with a zero-width space).
  const texts = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((match) =>
    match[1]!.replace(/<[^>]+>/g, ' ').replace(/\u200b/g, '').replace(/\s+/g, ' ').trim(),
  )
  expect(texts).toContain('(ohne Titel)')
  expect(texts).toContain('Verkehr (2)')
  expect(texts).not.toContain('Frame')
})
