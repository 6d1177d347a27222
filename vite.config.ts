import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompileMessages } from "./scripts/precompile-messages.ts";

export default defineConfig(({ command }) => ({
  plugins: [precompileMessages(), react()],
  worker: { format: "es" },
  resolve: {
    // Catalogues arrive precompiled (see precompile-messages.ts): the built app never parses ICU at run time,
    // which keeps the parser (~14 kB gzip) out of the bundle. `npm run dev` keeps it for readable errors.
    alias:
      command === "build"
        ? [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: "@formatjs/icu-messageformat-parser/no-parser.js",
            },
          ]
        : [],
  },
  build: {
    target: "es2022",
    sourcemap: true,
    // One bundle of ~630 kB (~190 kB gzipped: React DOM and zod are most of it), served from the user's own
    // machine and cached as immutable: splitting it would add requests without making the first paint sooner.
    chunkSizeWarningLimit: 700,
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
}));
