/** One message for the page's polite live region. `seq` makes a repeated text a new announcement. */
export interface Announcement {
  text: string;
  seq: number;
}

type Listener = (announcement: Announcement) => void;

/**
 * The app's one voice for screen readers: features say what happened in a short sentence and the one
 * polite live region (`<LiveRegion>`) reads it out. Created by the composition root, never a module
 * singleton, so tests hold their own and can read what would have been said.
 */
export class Announcer {
  #listeners = new Set<Listener>();
  #current: Announcement = { text: "", seq: 0 };
  #history: string[] = [];

  /** Says `text` politely (after whatever the screen reader is reading). Empty text says nothing. */
  announce(text: string): void {
    const trimmed = text.trim();
    if (trimmed === "") return;
    this.#current = { text: trimmed, seq: this.#current.seq + 1 };
    this.#history.push(trimmed);
    // A long session must not grow without bound; the last few are enough for tests and debugging.
    if (this.#history.length > 50) this.#history.shift();
    for (const listener of this.#listeners) listener(this.#current);
  }

  /** The latest announcement (for the live region's first render). */
  get current(): Announcement {
    return this.#current;
  }

  /** What was announced, oldest first (the last 50). */
  get history(): readonly string[] {
    return this.#history;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
