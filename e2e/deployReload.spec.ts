import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { devices, expect, test, type Browser, type Page } from '@playwright/test'
import { build, type Plugin } from 'vite'
import { clientBuildOfIndexHtml } from '../shared/api/clientBuild.ts'
import { createSession } from '../server/testing/apiClient.ts'
import { PinnwandServer } from '../server/testing/serverProcess.ts'
import { joinAs, waitForCanvas } from './support/workshopPages.ts'

/**
 * A deploy while pages stay open: the server restarts (same port, same data) with another client
 * build. Every open page offers a reload once it is back, and the reload runs the new build; a
 * restart with the same build offers nothing.
 */

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The build the servers of the specs serve (see server/config.ts). */
const currentBuild = resolve(REPO_ROOT, process.env.CLIENT_DIR ?? 'dist/client')

/** Marks the next build's page, so the test sees that the reload runs it (and its entry differs). */
const NEXT_BUILD_MARK = `document.documentElement.dataset.testBuild = 'next'`

let nextBuild: string

test.describe.configure({ timeout: 180_000 })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  // A real second build of the client whose entry differs by one statement, like any change would.
  nextBuild = mkdtempSync(join(tmpdir(), 'pinnwand-next-client-'))
  const markEntry: Plugin = {
    name: 'pinnwand-e2e-next-build',
    transform(code, id) {
      if (id.endsWith('/client/main.tsx')) return { code: `${code}\n${NEXT_BUILD_MARK}\n`, map: null }
    },
  }
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [markEntry],
    build: { outDir: nextBuild, emptyOutDir: true },
  })
})

test.afterAll(() => {
  rmSync(nextBuild, { recursive: true, force: true })
})

/** The build a client directory serves, as the server names it. */
function buildOf(clientDir: string): string {
  const build = clientBuildOfIndexHtml(readFileSync(join(clientDir, 'index.html'), 'utf8'))
  if (!build) throw new Error(`no client build in ${clientDir}`)
  return build
}

/** The build a page runs: its module entry. */
function runningBuild(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src.split('/').pop())
}

/** A phone (Pixel 7) joining the participant link: the phone view. `watch` sees the page before it loads. */
async function joinOnPhone(browser: Browser, url: string, name: string, watch: (page: Page) => void = () => {}): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'] })
  const page = await context.newPage()
  watch(page)
  await page.goto(url)
  await page.getByTestId('name-input').fill(name)
  await page.getByTestId('name-submit').tap()
  await expect(page.getByTestId('phone-view')).toBeVisible()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  return page
}

test('pages open across a deploy of another client build offer a reload, which runs the new build', async ({ browser }, testInfo) => {
  expect(buildOf(nextBuild)).not.toBe(buildOf(currentBuild))
  const server = await PinnwandServer.start({ entry: 'built', env: { CLIENT_DIR: currentBuild } })
  try {
    const session = await createSession(server.origin)
    const moderator = await joinAs(browser, session.moderatorUrl, 'Moni')
    const listReader = await joinAs(browser, session.participantUrl, 'Lea')
    await listReader.getByTestId('view-list').click()
    await expect(listReader.getByTestId('list-view')).toBeVisible()
    const phone = await joinOnPhone(browser, session.participantUrl, 'Pia')
    const pages = [moderator, listReader, phone]
    for (const page of pages) await expect(page.getByTestId('update-notice')).toHaveCount(0)

    await server.kill('SIGTERM')
    await server.relaunch({ CLIENT_DIR: nextBuild })

    for (const page of pages) {
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
      const notice = page.getByTestId('update-notice')
      await expect(notice).toBeVisible()
      await expect(notice).toContainText('Pinnwand wurde aktualisiert. Bitte lade die Seite neu.')
      await expect(notice.getByRole('button', { name: 'Neu laden' })).toBeVisible()
    }
    // Not in the way: the board stays usable until the person reloads.
    await expect(moderator.getByTestId('view-canvas')).toBeEnabled()
    await moderator.screenshot({ path: testInfo.outputPath('moderator-notice.png') })
    await phone.screenshot({ path: testInfo.outputPath('phone-notice.png') })
    expect(await runningBuild(moderator)).toBe(buildOf(currentBuild))

    await moderator.getByTestId('update-notice').getByRole('button', { name: 'Neu laden' }).click()
    await expect(moderator.locator('html[data-test-build="next"]')).toHaveCount(1)
    expect(await runningBuild(moderator)).toBe(buildOf(nextBuild))
    await expect(moderator.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
    await waitForCanvas(moderator)
    await expect(moderator.getByTestId('update-notice')).toHaveCount(0)

    // In English the notice speaks English.
    await phone.getByTestId('language-toggle').tap()
    await expect(phone.getByTestId('update-notice')).toContainText('Pinnwand has been updated. Please reload the page.')
    await expect(phone.getByTestId('update-notice').getByRole('button', { name: 'Reload' })).toBeVisible()
  } finally {
    await server.stop()
  }
})

test('a restart with the same client build offers no reload', async ({ browser }) => {
  const server = await PinnwandServer.start({ entry: 'built', env: { CLIENT_DIR: currentBuild } })
  try {
    const session = await createSession(server.origin)
    const checks: string[] = []
    const phone = await joinOnPhone(browser, session.participantUrl, 'Pia', (page) =>
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/client-build') checks.push(request.url())
      }),
    )
    const check = phone.waitForResponse((response) => new URL(response.url()).pathname === '/api/client-build', { timeout: 60_000 })

    await server.restart()
    await expect(phone.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
    const answer = await check
    expect(await answer.json()).toEqual({ build: buildOf(currentBuild) })
    await answer.finished()
    // One frame after the answer the page has acted on it.
    await phone.evaluate(() => new Promise((done) => requestAnimationFrame(done)))
    await expect(phone.getByTestId('update-notice')).toHaveCount(0)
    // Asked once, on the reconnect; opening the page asked nothing.
    expect(checks).toHaveLength(1)
  } finally {
    await server.stop()
  }
})
