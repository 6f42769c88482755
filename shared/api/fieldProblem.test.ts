import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { templateSchema } from '../template/templateSchema.ts'
import { firstFieldProblem, type FieldProblem } from './fieldProblem.ts'

const template = { title: 'Workshop', questions: ['Wie?'] }

function problemOf(schema: z.ZodType, input: unknown): FieldProblem {
  const result = schema.safeParse(input)
  if (result.success) throw new Error('expected the input to be refused')
  return firstFieldProblem(result.error, input)
}

describe('firstFieldProblem', () => {
  it('names the template field and the bound it broke', () => {
    expect(problemOf(templateSchema, { ...template, title: 'x'.repeat(201) })).toEqual({ field: 'title', problem: 'tooLong', limit: 200 })
    expect(problemOf(templateSchema, { ...template, title: '   ' })).toEqual({ field: 'title', problem: 'empty', limit: 0 })
    expect(problemOf(templateSchema, { ...template, questions: ['ok', ''] })).toEqual({ field: 'questions.1', problem: 'empty', limit: 0 })
    expect(problemOf(templateSchema, { ...template, questions: [] })).toEqual({ field: 'questions', problem: 'tooFew', limit: 1 })
    expect(problemOf(templateSchema, { ...template, questions: Array.from({ length: 13 }, (_, i) => `F${i}`) })).toEqual({ field: 'questions', problem: 'tooMany', limit: 12 })
  })

  it('tells a missing field from one of the wrong kind, and names an unknown key itself', () => {
    expect(problemOf(templateSchema, { questions: ['a'] })).toEqual({ field: 'title', problem: 'missing', limit: 0 })
    expect(problemOf(templateSchema, { ...template, title: 42 })).toEqual({ field: 'title', problem: 'wrongType', limit: 0 })
    expect(problemOf(templateSchema, { ...template, questionz: [] })).toEqual({ field: 'questionz', problem: 'unknownField', limit: 0 })
    expect(problemOf(templateSchema, 'Workshop')).toEqual({ field: '', problem: 'wrongType', limit: 0 })
  })

  it('covers numbers, whole numbers, exclusive bounds, choices and formats', () => {
    const minutes = z.object({ minutes: z.number().int().min(1).max(120) })
    expect(problemOf(minutes, { minutes: 121 })).toEqual({ field: 'minutes', problem: 'tooLarge', limit: 120 })
    expect(problemOf(minutes, { minutes: 0 })).toEqual({ field: 'minutes', problem: 'tooSmall', limit: 1 })
    expect(problemOf(minutes, { minutes: 1.5 })).toEqual({ field: 'minutes', problem: 'notWhole', limit: 0 })
    expect(problemOf(z.object({ ms: z.number().positive() }), { ms: 0 })).toEqual({ field: 'ms', problem: 'notAllowed', limit: 0 })
    expect(problemOf(z.object({ phase: z.enum(['write', 'vote']) }), { phase: 'lunch' })).toEqual({ field: 'phase', problem: 'notAllowed', limit: 0 })
    expect(problemOf(z.object({ id: z.string().regex(/^[a-z]+$/) }), { id: 'A1' })).toEqual({ field: 'id', problem: 'wrongFormat', limit: 0 })
    expect(problemOf(z.object({ name: z.string().min(3) }), { name: 'ab' })).toEqual({ field: 'name', problem: 'tooShort', limit: 3 })
  })
})
