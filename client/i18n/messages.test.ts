import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { de } from './de.ts'
import { en } from './en.ts'

/**
 * Families whose keys are built from typed code lists (`refusal.${RefusalCode}` and the like, see
 * refusalMessage.ts, and the phases): the type checker holds each code to a key, so they count as used.
 */
const BUILT_FROM_CODES = ['refusal.', 'apiError.', 'fieldProblem.', 'field.', 'phase.']

/** The client's and shared code's sources, the message files and tests left out. */
function sources(): string {
  const files = ['client', 'shared'].flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)),
  )
  return files
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !/^client\/i18n\/(de|en)\.ts$/.test(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
}

describe('UI messages', () => {
  it('has the same keys in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort())
  })

  it('uses every key: one written out in the code, or one of a family built from a code list', () => {
    const code = sources()
    const unused = Object.keys(de).filter(
      (key) => !BUILT_FROM_CODES.some((prefix) => key.startsWith(prefix)) && !["'", '"', '`'].some((quote) => code.includes(quote + key + quote)),
    )
    expect(unused).toEqual([])
  })

  it('calls a cluster "Cluster" everywhere, as the canvas and the export do, never "Gruppe"/"group"', () => {
    expect(Object.entries(de).filter(([, text]) => /Gruppe/.test(text))).toEqual([])
    // Lower case only: "Group the selected cards" is the verb.
    expect(Object.entries(en).filter(([, text]) => /\bgroups?\b/.test(text))).toEqual([])
  })
})
