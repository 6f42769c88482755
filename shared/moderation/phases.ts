/**
 * The workshop's phases, in order. Apart from moderationState.ts (which imports zod) so code that
 * only names phases, like the refusal texts the app's entry reads, does not pull zod into the
 * entry chunk ahead of client/zodWithoutEval.ts.
 */
export const PHASES = ['collect', 'cluster', 'vote', 'closed'] as const
export type Phase = (typeof PHASES)[number]
