/**
 * Which build of the browser client a page runs, and which one the server now serves. Vite names
 * the entry module after a hash of its content and of everything it imports, so that file name
 * ("index-B3xq9f2a.js") identifies a build: a page whose entry differs from the server's was
 * loaded before a deploy and may not read what the newer client writes into the document.
 */

/** The route that names the served build (docs/CONTRACTS.md). */
export const CLIENT_BUILD_PATH = '/api/client-build'

/** Its answer; `build` is null when the server serves no built client (dev mode, not built). */
export interface ClientBuildAnswer {
  build: string | null
}

/** The build an entry module's URL or path stands for: its file name. */
export function clientBuildOfEntry(entry: string): string | null {
  const name = entry.split(/[?#]/, 1)[0]!.split('/').pop()
  return name ? name : null
}

/**
 * The build an index.html loads: its module entry script (Vite writes exactly one,
 * `<script type="module" crossorigin src="/assets/index-….js">`). Null when there is none.
 */
export function clientBuildOfIndexHtml(html: string): string | null {
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!/\btype\s*=\s*["']?module["']?/i.test(tag)) continue
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)
    const value = src?.[1] ?? src?.[2] ?? src?.[3]
    if (value) return clientBuildOfEntry(value)
  }
  return null
}

/**
 * Whether a page should offer to reload: only when both builds are known and differ (a server
 * without a built client, or a page that cannot name its own, says nothing).
 */
export function servesOtherBuild(ownBuild: string | null, servedBuild: string | null): boolean {
  return ownBuild !== null && servedBuild !== null && ownBuild !== servedBuild
}
