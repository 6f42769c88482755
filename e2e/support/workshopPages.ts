import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { watchForeignRequests } from './sameOrigin.ts'

/** Text of a link field, whether it is shown as an input or as text. */
export async function linkText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => (element instanceof HTMLInputElement ? element.value : (element.textContent ?? '').trim()))
}

export interface WorkshopLinks {
  participantUrl: string
  moderatorUrl: string
  viewerUrl: string
}

/** Creates a workshop the way an organiser does: start page, "Neuer Workshop", create. */
export async function createWorkshopOnStartPage(page: Page, origin: string): Promise<WorkshopLinks> {
  await page.goto(origin + '/')
  await page.getByTestId('create-workshop').click()
  await expect(page.getByTestId('participant-link')).toBeVisible()
  return {
    participantUrl: await linkText(page.getByTestId('participant-link')),
    moderatorUrl: await linkText(page.getByTestId('moderator-link')),
    viewerUrl: await linkText(page.getByTestId('viewer-link')),
  }
}

/**
 * Opens a workshop link in a fresh browser context and joins under `name`. Requests that leave
 * the link's origin are collected into `foreign`.
 */
export async function joinAs(
  browser: Browser,
  url: string,
  name: string,
  foreign: string[] = [],
  viewport: { width: number; height: number } = { width: 1400, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport })
  watchForeignRequests(context, new URL(url).origin, foreign)
  return joinInContext(context, url, name)
}

/** Opens a workshop link in a new page of `context` (prepared by the test) and joins under `name`. */
export async function joinInContext(context: BrowserContext, url: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  await page.getByTestId('name-input').fill(name)
  await page.getByTestId('name-submit').click()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await waitForCanvas(page)
  return page
}

/** Joins the session's moderator link as "Moni" and waits for the moderator panel. */
export async function openModerator(browser: Browser, session: { moderatorUrl: string }): Promise<Page> {
  const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
  await expect(moderator.getByTestId('moderator-panel')).toBeVisible()
  return moderator
}

/**
 * Waits until the board is on screen. tldraw is the biggest part of the app (loaded lazily, fonts
 * preloaded), which on a busy two-core CI machine can take longer than one expect timeout.
 */
export async function waitForCanvas(page: Page): Promise<void> {
  await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 60_000 })
}

/** Posts a note with "+ Karte" on the board of question `questionIndex` and types its text. */
export async function postNote(page: Page, questionIndex: number, text: string): Promise<void> {
  await page.getByTestId(`add-note-${questionIndex}`).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

/**
 * Posts a note on board `questionIndex` with `text` pasted into it (Ctrl+V), and leaves it.
 * The page's context needs the clipboard permissions.
 */
export async function pasteNote(page: Page, questionIndex: number, text: string): Promise<void> {
  await page.getByTestId(`add-note-${questionIndex}`).click()
  await page.evaluate((content) => navigator.clipboard.writeText(content), text)
  await page.keyboard.press('Control+v')
  await expect(page.locator('.tl-shape [contenteditable="true"]')).toContainText(text.slice(0, 40))
  await page.keyboard.press('Escape')
}

/**
 * A note on the canvas of `page` by its text, optionally on the board of question `questionIndex`.
 * (tldraw keeps a hidden copy of measured text, so a bare getByText can match twice.)
 */
export function noteOnCanvas(page: Page, text: string, questionIndex?: number): Locator {
  const selector = questionIndex === undefined ? '[data-testid="note"]' : `[data-testid="note"][data-question-index="${questionIndex}"]`
  return page.locator(selector).filter({ hasText: text })
}

/**
 * The "+" that gives the note or cluster `targetId` a dot. Zoomed far out, the canvas shows a badge
 * instead that brings the board close, and a person clicks it: a layout shift while "+ Karte" zooms
 * onto its board (the phase bar arriving) can stop that zoom half way.
 */
export async function dotAddButton(page: Page, targetId: string): Promise<Locator> {
  const add = page.getByTestId(`dot-add-${targetId}`)
  const badge = page.getByTestId(`dot-zoom-${targetId}`)
  await expect(add.or(badge)).toBeVisible()
  if (await badge.isVisible()) await badge.click()
  await expect(add).toBeVisible()
  return add
}

/** The tldraw shape id of a note on `page`, found by its text. */
export async function noteShapeId(page: Page, text: string): Promise<string> {
  const id = await noteOnCanvas(page, text).locator('xpath=ancestor::div[@data-shape-id][1]').first().getAttribute('data-shape-id')
  expect(id, `shape id of the note "${text}"`).toMatch(/^shape:/)
  return id!
}
