import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { loadConfig } from '../config.ts'
import { DATABASE_FILE_NAME } from '../persistence/sqlite/openDatabase.ts'

/** The options every CLI over DATA_DIR takes: where the data is, and help. */
const SHARED_OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

type Options = NonNullable<ParseArgsConfig['options']>

/** Parsed arguments of a CLI over DATA_DIR: its own options, the positionals and the data directory. */
export interface CommandLine<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O & typeof SHARED_OPTIONS; allowPositionals: true; strict: true }>>['values']
  positionals: string[]
  /** --data-dir (relative to where the command was typed), else DATA_DIR, else ./data. */
  dataDir: string
}

/**
 * Reads a CLI's arguments with its `options` plus --data-dir and --help. Returns the exit code
 * instead when there is nothing more to do: 0 after printing `usage` for --help, 2 after
 * printing what was wrong (unknown option, bad DATA_DIR) and the usage.
 */
export function readCommandLine<O extends Options>(argv: string[], usage: string, options: O): CommandLine<O> | number {
  let parsed
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { ...options, ...SHARED_OPTIONS } })
  } catch (error) {
    return usageError((error as Error).message, usage)
  }
  const values = parsed.values as CommandLine<O>['values'] & { 'data-dir'?: string; help?: boolean }
  if (values.help) {
    console.log(usage)
    return 0
  }
  try {
    const dataDir = values['data-dir'] ? resolve(invocationDir(), values['data-dir']) : loadConfig().dataDir
    return { values, positionals: parsed.positionals, dataDir }
  } catch (error) {
    return usageError((error as Error).message, usage)
  }
}

/**
 * The database file in `dataDir`, or undefined after saying that there is none: opening it
 * would create an empty database, and a typo in --data-dir should say so instead.
 */
export function existingDatabase(dataDir: string): string | undefined {
  const file = join(dataDir, DATABASE_FILE_NAME)
  if (existsSync(file)) return file
  console.error(`No Pinnwand database in ${dataDir} (expected ${DATABASE_FILE_NAME}); set --data-dir or DATA_DIR.`)
  return undefined
}

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
