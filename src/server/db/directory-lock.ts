import { readFileSync, rmSync, writeFileSync } from "node:fs";

export class DirectoryInUse extends Error {
  override readonly name = "DirectoryInUse";
}

/**
 * PGlite does not lock its directory, and two processes writing one database corrupt it. A lock file with
 * the owner's pid: a live owner refuses the second process; a dead one (killed, crashed) is taken over.
 */
export function lockDirectory(lockPath: string): () => void {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    const owner = Number(readFileSync(lockPath, "utf8").trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new DirectoryInUse(
        `Another server (process ${owner}) is using the database in ${lockPath.replace(/\.lock$/, "")}. Stop it, or give this one its own DATA_DIR (several servers share one database only through DATABASE_URL).`,
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
