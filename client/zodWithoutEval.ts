import * as z from 'zod/mini'

/**
 * zod compiles object parsers with `new Function` when it may. The server's Content-Security-Policy
 * forbids eval (script-src 'self'), and zod's probe for it, though caught, is reported as a CSP
 * violation; jitless mode skips the probe and the compilation (the client parses little enough).
 * Imported first in main.tsx, before any schema parses.
 */
z.config({ jitless: true })
