/**
 * The embedded graph's read connections (kuzu-store.ts), handed out in the order asked —
 * except that a read in the background (work no request waits for: the server's warm-ups,
 * request-timing.ts `inBackground`) gives way. It takes a connection only when no other
 * read waits for one, and the background holds at most all connections but one (one when
 * there is only one): a request arriving while the warm-ups scan the graph finds a
 * connection at once, or when the first read ahead of it ends.
 */
export class ReadPool<C> {
  private readonly waiting: Array<(c: C) => void> = [];
  private readonly waitingBehind: Array<(c: C) => void> = [];
  /** The connections background reads hold. */
  private readonly heldBehind = new Set<C>();

  constructor(
    /** Connections no read holds. */
    readonly idle: C[],
    /** How many connections the pool has in all. */
    private readonly size: number,
  ) {}

  acquire(background: boolean): Promise<C> {
    if (!background) {
      const c = this.idle.pop();
      return c !== undefined ? Promise.resolve(c) : new Promise((resolve) => this.waiting.push(resolve));
    }
    const behind = (c: C) => (this.heldBehind.add(c), c);
    if (this.waiting.length === 0 && this.roomBehind() && this.idle.length > 0) return Promise.resolve(behind(this.idle.pop()!));
    return new Promise((resolve) => this.waitingBehind.push((c) => resolve(behind(c))));
  }

  /** Gives a connection back: to the first read waiting, the background's last. False when it went idle. */
  release(connection: C): boolean {
    this.heldBehind.delete(connection);
    const next = this.waiting.shift() ?? (this.roomBehind() ? this.waitingBehind.shift() : undefined);
    if (next) {
      next(connection);
      return true;
    }
    this.idle.push(connection);
    return false;
  }

  private roomBehind(): boolean {
    return this.heldBehind.size < Math.max(1, this.size - 1);
  }
}
