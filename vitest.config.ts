import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { precompileMessages } from "./scripts/precompile-messages.ts";

export default defineConfig({
  plugins: [precompileMessages(), react()],
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "node",
    setupFiles: ["./src/test/setup.ts"],
    // Component tests opt into a DOM with `// @vitest-environment jsdom` at their top.
    pool: "threads",
    testTimeout: 15_000,
  },
});
