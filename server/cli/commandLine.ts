/**
 * Where the user typed the command: `npm run` moves into the package root but leaves the
 * original directory in INIT_CWD, and relative --out / --data-dir paths mean that one.
 */
export function invocationDir(): string {
  return process.env.INIT_CWD || process.cwd()
}

/** Prints what was wrong with the arguments and the usage; 2 is every CLI's exit code for it. */
export function usageError(message: string, usage: string): number {
  console.error(`${message}\n\n${usage}`)
  return 2
}

/** `20261127-031500` for file names: sortable, without characters some file systems refuse. */
export function fileTimeStamp(now: Date): string {
  return now.toISOString().replace(/\..*$/, '').replace(/[-:]/g, '').replace('T', '-')
}
