import { parse } from "@formatjs/icu-messageformat-parser";
import type { Plugin } from "vite";

const CATALOGUE = /\/src\/i18n\/catalogues\/[a-z]+\.json$/;

/**
 * Compiles the message catalogues to ICU ASTs at build time, so the bundle ships without the ICU parser
 * (the build aliases it to its `no-parser` entry). The output is still JSON, which Vite's JSON plugin then
 * turns into a module as usual. A malformed message fails the build here, not in a user's browser.
 */
export function precompileMessages(): Plugin {
  return {
    name: "qbc:precompile-messages",
    enforce: "pre",
    transform(code, id) {
      if (!CATALOGUE.test(id)) return null;
      const catalogue: unknown = JSON.parse(code);
      if (typeof catalogue !== "object" || catalogue === null) throw new Error(`${id} is not a JSON object`);
      const compiled = Object.fromEntries(
        Object.entries(catalogue).map(([key, message]) => {
          if (typeof message !== "string") throw new Error(`${id}: "${key}" is not a string`);
          try {
            return [key, parse(message)];
          } catch (error) {
            throw new Error(`${id}: "${key}" is not a valid ICU message: ${String(error)}`);
          }
        }),
      );
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}
