/**
 * A level-triggered wake-up for one dispatcher: a notify before the wait is not lost, and a waiter that
 * lost a race (to a timer) cannot swallow a later notify.
 */
export class Wake {
  private dirty = false;
  private waiters: (() => void)[] = [];

  notify(): void {
    this.dirty = true;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  wait(): Promise<void> {
    if (this.dirty) {
      this.dirty = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(() => {
        this.dirty = false;
        resolve();
      });
    });
  }
}
