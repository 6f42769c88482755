/** Which link of a new workshop a card holds: shared with everyone, kept secret, or for the projector. */
export type LinkKind = 'participant' | 'moderator' | 'viewer'

/** Drawn inline (24×24, stroked): nothing is fetched, and no emoji font is needed. */
const PATHS: Record<LinkKind, string> = {
  // two people
  participant: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 5.2a3 3 0 0 1 0 5.6M18 14.3c1.8.9 3 2.8 3 5.7',
  // a padlock
  moderator: 'M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11M12 15v2.5',
  // a projection screen on its stand
  viewer: 'M3 4h18M4 4v11h16V4M12 15v3M8 21l4-3 4 3',
}

/** The icon of a link kind; decorative, its card's heading names the link. */
export function LinkKindIcon({ kind }: { kind: LinkKind }) {
  return (
    <svg className="link-card__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
