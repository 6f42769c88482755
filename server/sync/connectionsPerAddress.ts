/**
 * Open websockets per client address (see http/clientAddress.ts), for MAX_CONNECTIONS_PER_IP.
 * In memory only: addresses are never written anywhere.
 */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>()

  /** 0 = unlimited. */
  constructor(readonly limit: number) {}

  /** Counts a new connection from `address`; false (not counted) when the address is at its limit. */
  tryOpen(address: string): boolean {
    const current = this.open.get(address) ?? 0
    if (this.limit > 0 && current >= this.limit) return false
    this.open.set(address, current + 1)
    return true
  }

  closed(address: string): void {
    const current = this.open.get(address) ?? 0
    if (current <= 1) this.open.delete(address)
    else this.open.set(address, current - 1)
  }
}
