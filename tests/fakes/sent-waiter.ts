/** Waiting for a fake platform to have received n messages: tests await deliveries instead of sleeping. */
export interface SentWaiter<T> {
  /** Call after each recorded message. */
  notify(): void;
  waitForSent(n: number, timeoutMs?: number): Promise<T[]>;
}

export function createSentWaiter<T>(sent: T[], platform: string): SentWaiter<T> {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const waiter of [...waiters]) waiter();
    },
    waitForSent(n, timeoutMs = 2000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (sent.length < n) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(sent.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake ${platform}: expected ${n} sent message(s) within ${timeoutMs} ms, got ${sent.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
