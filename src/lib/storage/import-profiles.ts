import { z } from "zod";
import { ImportProfile } from "../../domain/csv/import-profile.ts";
import type { KeyValueStorage } from "./layout.ts";

const STORAGE_KEY = "quote-batch-composer:import-profiles";
const Saved = z.array(ImportProfile);

function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Private modes and sandboxed frames can throw on access: profiles then last for the page's life.
    return undefined;
  }
}

/**
 * The import profiles saved in this browser (a team shares them as files). One list under one key: there
 * are a handful, read when the mapping step opens. A corrupt entry is dropped, never fatal.
 */
export class ImportProfileStore {
  private profiles: readonly ImportProfile[];
  private readonly listeners = new Set<() => void>();
  private readonly storage: KeyValueStorage | undefined;

  constructor(storage?: KeyValueStorage) {
    this.storage = storage ?? browserStorage();
    this.profiles = this.load();
  }

  getSnapshot = (): readonly ImportProfile[] => this.profiles;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Saves a profile; one of the same name (case-insensitive) is replaced, as "Save" over a file would. */
  save(profile: ImportProfile): void {
    const name = profile.name.toLocaleLowerCase();
    this.set([profile, ...this.profiles.filter((known) => known.name.toLocaleLowerCase() !== name)]);
  }

  remove(name: string): void {
    this.set(this.profiles.filter((known) => known.name !== name));
  }

  private set(profiles: readonly ImportProfile[]): void {
    this.profiles = profiles;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(profiles));
    } catch {
      // Storage full or blocked: the profile still applies now and can be exported as a file.
    }
    for (const listener of this.listeners) listener();
  }

  private load(): readonly ImportProfile[] {
    try {
      const text = this.storage?.getItem(STORAGE_KEY);
      if (!text) return [];
      const parsed = Saved.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }
}
