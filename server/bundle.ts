import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/** Where `npm run build` puts the production server; `npm run serve` runs its `main.mjs`. */
export const SERVER_BUNDLE_DIR = fileURLToPath(new URL('../dist/server/', import.meta.url))
export const SERVER_BUNDLE_ENTRY = `${SERVER_BUNDLE_DIR}main.mjs`

/**
 * Bundles the server (our TypeScript and its dependencies) into plain JavaScript for Node.
 * Start-up is what a restarted server's first session waits for: running the sources through
 * tsx costs seconds of compilation, and resolving hundreds of dependency modules one by one
 * costs another few hundred milliseconds; one bundle avoids both. Code split at dynamic
 * imports, so what only some requests need (e.g. DOCX) loads on first use.
 * Not minified: stack traces in the server log stay readable.
 */
export async function bundleServer(outDir = SERVER_BUNDLE_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true })
  await build({
    entryPoints: { main: fileURLToPath(new URL('main.ts', import.meta.url)) },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20.19',
    format: 'esm',
    // ws's optional native helpers: loaded from node_modules at run time when installed.
    // better-sqlite3's JavaScript is bundled (loading its dozen CommonJS files took ≈ 7 ms of a
    // start); its compiled addon stays in node_modules (persistence/sqlite/sqliteFile.ts).
    external: ['bufferutil', 'utf-8-validate'],
    // Some dependencies are CommonJS and call require(); ESM output needs it defined.
    banner: { js: "import { createRequire as pinnwandCreateRequire } from 'node:module'; const require = pinnwandCreateRequire(import.meta.url);" },
    // @tldraw/store probes `import.meta.env.DEV` (a bundler's variable) inside try/catch. In Node
    // that throws, and V8 re-parses the whole 0.8 MB bundle to word the TypeError: ≈ 20 ms of every
    // start. An empty object answers the probe the same way (not development) without throwing.
    define: { 'import.meta.env': '{}' },
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleServer()
  console.log(`server bundled into ${SERVER_BUNDLE_DIR}`)
}
