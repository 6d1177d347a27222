import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: true,
    // One bundle of ~630 kB (~190 kB gzipped: React DOM and zod are most of it), served from the user's own
    // machine and cached as immutable: splitting it would add requests without making the first paint sooner.
    chunkSizeWarningLimit: 700,
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
});
