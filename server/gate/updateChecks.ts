import type * as Y from 'yjs'
import type { Actor } from '../../shared/permissions/updatePolicy.ts'
import { gateUpdate, refused, type GateVerdict } from './updateGate.ts'
import type { WriteLimits } from './writeLimits.ts'

/**
 * Everything a client update passes before it is applied: who may write it, then the limits.
 * A refusal from either carries its refusal object (code and parameters) to the connection.
 */
export type UpdateCheck = (target: { sessionId: string; doc: Y.Doc }, actor: Actor, update: Uint8Array) => GateVerdict

export function createUpdateCheck(options: { gateDisabled: boolean; limits: WriteLimits }): UpdateCheck {
  // PINNWAND_DISABLE_GATE=1 (benchmarks only): the fan-out without any check, for comparison.
  if (options.gateDisabled) return () => ({ kind: 'accept' })
  return ({ sessionId, doc }, actor, update) => {
    const decision = gateUpdate(doc, actor, update)
    if (decision.kind !== 'accept' || !decision.inspection) return decision
    const limited = options.limits.checkUpdate(sessionId, doc, actor, update, decision.inspection)
    return limited ? refused(limited) : decision
  }
}
