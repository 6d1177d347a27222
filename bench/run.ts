import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

/**
 * `npm run bench [-- name…]`: builds the app once, runs every `bench/*.bench.ts` in its own process (so one
 * bench's heap cannot skew another's) and prints all their JSON reports as one JSON document.
 */
const filters = process.argv.slice(2);
const files = readdirSync("bench")
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

const build = spawnSync("npx", ["vite", "build", "--logLevel", "error"], {
  stdio: ["ignore", "ignore", "inherit"],
});
if (build.status !== 0) process.exit(build.status ?? 1);

const reports: unknown[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`);
  const run = spawnSync("npx", ["tsx", `bench/${file}`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split("\n").at(-1) ?? "";
  try {
    reports.push(JSON.parse(last));
  } catch {
    reports.push({ name: file, error: `exited ${run.status} without a JSON report`, pass: false });
  }
}
process.stdout.write(`${JSON.stringify({ benches: reports }, null, 2)}\n`);
