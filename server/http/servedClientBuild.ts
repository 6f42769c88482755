import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { clientBuildOfIndexHtml } from '../../shared/api/clientBuild.ts'

/**
 * The build of the client this server serves from `clientDir`, read from its index.html on every
 * call (a few hundred bytes, asked only when a page reconnects), so a client replaced under a
 * running server counts too. Null without a built client.
 */
export async function servedClientBuild(clientDir: string): Promise<string | null> {
  let html: string
  try {
    html = await readFile(join(clientDir, 'index.html'), 'utf8')
  } catch {
    return null
  }
  return clientBuildOfIndexHtml(html)
}
