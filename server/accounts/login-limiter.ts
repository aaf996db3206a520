/**
 * Slows down password guessing: after too many failed logins for one name from one
 * address, or from one address overall, further attempts are refused for a while.
 * Kept in memory: each instance counts its own attempts, which still caps guessing at
 * (instances × limit) per window.
 */
export interface LoginLimits {
  /** Failures allowed for one username from one address within the window. */
  perUser: number;
  /** Failures allowed from one address within the window, whatever the names. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUser: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Asks to try a password: 0 when it may be tried now, or the milliseconds to wait. An
   * allowed attempt counts as a failure straight away, before its password is checked,
   * so a burst of guesses sent at once cannot all slip in ahead of the count;
   * succeeded() takes it back.
   */
  attempt(address: string, username: string): number {
    const wait = Math.max(this.waitFor(`a:${address}`, this.limits.perAddress), this.waitFor(`u:${address}:${username}`, this.limits.perUser));
    if (wait > 0) return wait;
    const now = this.now();
    for (const key of [`a:${address}`, `u:${address}:${username}`]) this.failures.set(key, [...this.recent(key), now]);
    if (this.failures.size > 10_000) this.prune();
    return 0;
  }

  /** The password was right: the attempt is not a failure, and the name starts afresh. */
  succeeded(address: string, username: string): void {
    this.failures.delete(`u:${address}:${username}`);
    const times = this.failures.get(`a:${address}`);
    times?.pop();
    if (times?.length === 0) this.failures.delete(`a:${address}`);
  }

  private waitFor(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    return times[times.length - limit]! + this.limits.windowMs - this.now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      const times = this.recent(key);
      if (times.length === 0) this.failures.delete(key);
      else this.failures.set(key, times);
    }
  }
}
