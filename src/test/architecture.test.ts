import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layer table of docs/architecture.md, enforced: every production file under src/ is read, and each
 * import is checked against what its layer may import. Tests and src/test/ are exempt.
 */
const SRC = normalize(join(dirname(fileURLToPath(import.meta.url)), ".."));

type Layer =
  | "platform"
  | "hubspot"
  | "domain"
  | "simulator"
  | "server"
  | "lib"
  | "i18n"
  | "ui"
  | "features"
  | "app"
  | "mocks"
  | "test"
  | "main";

/** Layers each layer may import (its own is always allowed). Features may not import another feature. */
// `platform` (the one Clock, decision 032) is framework-free and every layer may import it.
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  platform: [],
  hubspot: ["platform"],
  domain: ["platform", "hubspot"],
  simulator: ["platform", "hubspot"],
  server: ["platform", "hubspot", "simulator"],
  lib: ["platform", "domain", "hubspot", "i18n"],
  i18n: ["platform", "domain", "hubspot"],
  ui: ["platform", "i18n"],
  features: ["platform", "domain", "hubspot", "lib", "i18n", "ui"],
  app: ["platform", "domain", "hubspot", "lib", "i18n", "ui", "features"],
  mocks: ["platform", "server", "simulator", "hubspot"],
  test: [
    "platform",
    "hubspot",
    "domain",
    "simulator",
    "server",
    "lib",
    "i18n",
    "ui",
    "features",
    "app",
    "mocks",
  ],
  // `test` only as the lazily loaded hooks chunk behind `?qbc-test-hooks` (src/main.tsx).
  // `lib` for process-wide setup (zod's jitless mode, which the CSP needs) before anything parses.
  main: ["platform", "app", "lib", "mocks", "ui", "i18n", "test"],
};

/** npm packages a pure layer may use: the domain and the contract must run anywhere, without React or DOM. */
const PACKAGES: Partial<Record<Layer, readonly string[]>> = {
  platform: [],
  hubspot: ["zod"],
  domain: ["zod"],
  simulator: ["zod"],
};

/**
 * Modules of one layer that the browser side shares by contract (COMMON.md, contract 3): the user's roles,
 * pure and dependency-free, are defined once with the server that enforces them.
 */
const SHARED = new Set([join(SRC, "server", "identity.ts")]);

function layerOf(file: string): { layer: Layer; feature?: string } {
  const [top, second] = relative(SRC, file).split(/[\\/]/);
  if (top === "features") return { layer: "features", feature: second ?? "" };
  if (top === "main.tsx") return { layer: "main" };
  const layers: readonly Layer[] = Object.keys(MAY_IMPORT).filter((key): key is Layer => key in MAY_IMPORT);
  const layer = layers.find((candidate) => candidate === top);
  if (!layer) throw new Error(`${relative(SRC, file)} is in no layer of docs/architecture.md`);
  return { layer };
}

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "openapi" ? [] : productionFiles(path);
    // A `test-kit.ts` beside a layer's tests is imported only by them (checked below), like a test.
    if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$|^test-kit\.ts$/.test(entry.name)) return [];
    return [path];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^"';]*?from\s*"([^"]+)"|import\(\s*"([^"]+)"\s*\)|^import\s*"([^"]+)"/gm;

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3] ?? "");
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** Every import that breaks the table, as "file: import (rule)". */
function violations(files: readonly string[], read: (file: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    if (from.layer === "test") continue;
    const name = relative(SRC, file);
    const reactBinding = /(-context\.tsx|[\\/]use-[^\\/]+\.ts)$/.test(file) || file.endsWith(".tsx");
    for (const specifier of importsOf(read(file))) {
      if (specifier.startsWith(".")) {
        const target = normalize(join(dirname(file), specifier));
        if (!target.startsWith(SRC)) continue;
        const to = layerOf(target);
        if (SHARED.has(target)) continue;
        if (to.layer === from.layer) {
          if (to.layer === "features" && to.feature !== from.feature)
            found.push(`${name}: ${specifier} (a feature never imports another feature)`);
          continue;
        }
        if (!MAY_IMPORT[from.layer].includes(to.layer))
          found.push(
            `${name}: ${specifier} (${from.layer} may import ${MAY_IMPORT[from.layer].join(", ") || "no other layer"})`,
          );
        continue;
      }
      if (specifier.startsWith("node:") && from.layer === "server") continue;
      const allowed = PACKAGES[from.layer];
      const pkg = packageName(specifier);
      if (allowed && !allowed.includes(pkg))
        found.push(`${name}: ${specifier} (${from.layer} uses only ${allowed.join(", ")})`);
      // lib's services stay framework-free; React lives in its *-context.tsx and use-*.ts bindings.
      if (from.layer === "lib" && !reactBinding && (pkg === "react" || pkg === "react-dom"))
        found.push(
          `${name}: ${specifier} (a lib service is framework-free; put React in a use-*.ts binding)`,
        );
    }
  }
  return found;
}

describe("architecture (docs/architecture.md)", () => {
  const files = productionFiles(SRC);
  const read = (file: string) => readFileSync(file, "utf8");

  it("reads the whole source tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((file) => file.endsWith(join("domain", "validation", "validation-service.ts")))).toBe(
      true,
    );
  });

  it("every import follows the layer table", () => {
    expect(violations(files, read)).toEqual([]);
  });

  it("catches a feature importing another feature, the domain importing React, and lib importing a feature", () => {
    const sources: Record<string, string> = {
      [join(SRC, "features", "results", "x.tsx")]: 'import { a } from "../composer/composer-page.tsx";',
      [join(SRC, "domain", "batch", "y.ts")]:
        'import { useState } from "react";\nimport { b } from "../../lib/c.ts";',
      [join(SRC, "lib", "z.ts")]:
        'import { d } from "../features/composer/e.ts";\nimport { useMemo } from "react";',
    };
    expect(violations(Object.keys(sources), (file) => sources[file] ?? "")).toEqual([
      "features/results/x.tsx: ../composer/composer-page.tsx (a feature never imports another feature)",
      "domain/batch/y.ts: react (domain uses only zod)",
      "domain/batch/y.ts: ../../lib/c.ts (domain may import platform, hubspot)",
      "lib/z.ts: ../features/composer/e.ts (lib may import platform, domain, hubspot, i18n)",
      "lib/z.ts: react (a lib service is framework-free; put React in a use-*.ts binding)",
    ]);
  });

  it("imports a test kit only from tests", () => {
    const importers = files.filter((file) => importsOf(read(file)).some((s) => /test-kit\.ts$/.test(s)));
    expect(importers.map((file) => relative(SRC, file))).toEqual([]);
  });

  it("keeps test hooks and bench hooks out of the app's source (main.tsx only loads them on request)", () => {
    const hooks = files.filter((file) => {
      const { layer } = layerOf(file);
      if (layer === "test" || layer === "main") return false;
      return /__qbc|qbc-test-hooks/.test(read(file));
    });
    // Still to move: the CSV import's bench hook needs its worker client, which the import feature owns.
    expect(hooks.map((file) => relative(SRC, file))).toEqual(["features/csv-import/bench-hook.ts"]);
  });
});
