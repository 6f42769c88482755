import { test } from '@playwright/test'

/**
 * Closes every browser context after each test of the calling spec file (or describe block).
 * Tests that open their own contexts (one per person) leave them open otherwise, and the next test
 * would share the machine with their idle canvases.
 */
export function closeContextsAfterEach(): void {
  test.afterEach(async ({ browser }) => {
    await Promise.all(browser.contexts().map((context) => context.close()))
  })
}
