import type * as z from 'zod'

/**
 * What is wrong with one field of a request or a template, in words a person can act on: zod's
 * own sentences ("Too big: expected string to have <=500 characters") are English and speak of
 * types. The code travels with the API error (`problem`, `limit`), and the client says it in the
 * UI language.
 */
export const FIELD_PROBLEMS = [
  'missing',
  'empty',
  'tooShort',
  'tooLong',
  'tooFew',
  'tooMany',
  'tooSmall',
  'tooLarge',
  'notWhole',
  'wrongType',
  'unknownField',
  'notAllowed',
  'wrongFormat',
] as const

export type FieldProblemCode = (typeof FIELD_PROBLEMS)[number]

export interface FieldProblem {
  /** Dotted path of the field, e.g. `questions.2`; empty for the value as a whole. */
  field: string
  problem: FieldProblemCode
  /** The bound the value broke (characters, entries or the number); 0 where the problem has none. */
  limit: number
}

/** The first thing wrong with `input` according to `error`, as a field problem. */
export function firstFieldProblem(error: z.ZodError, input: unknown): FieldProblem {
  const issue = error.issues[0]!
  const field = issue.path.map(String).join('.')
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big'
      const bound = Number(big ? issue.maximum : issue.minimum)
      // An exclusive bound ("more than 0") has no "at most/at least" to name.
      if (!issue.inclusive) return { field, problem: 'notAllowed', limit: 0 }
      if (issue.origin === 'string') return big ? { field, problem: 'tooLong', limit: bound } : bound <= 1 ? { field, problem: 'empty', limit: 0 } : { field, problem: 'tooShort', limit: bound }
      if (issue.origin === 'array' || issue.origin === 'set') return { field, problem: big ? 'tooMany' : 'tooFew', limit: bound }
      return { field, problem: big ? 'tooLarge' : 'tooSmall', limit: bound }
    }
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return { field, problem: 'missing', limit: 0 }
      return { field, problem: issue.expected === 'int' ? 'notWhole' : 'wrongType', limit: 0 }
    case 'unrecognized_keys':
      // The path is the object's; the field to name is the first key it should not have.
      return { field: [...issue.path.map(String), issue.keys[0] ?? ''].filter(Boolean).join('.'), problem: 'unknownField', limit: 0 }
    case 'invalid_value':
      return { field, problem: 'notAllowed', limit: 0 }
    default:
      return { field, problem: 'wrongFormat', limit: 0 }
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

export function isFieldProblemCode(value: unknown): value is FieldProblemCode {
  return (FIELD_PROBLEMS as readonly unknown[]).includes(value)
}
