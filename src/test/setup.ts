// Shared Vitest setup. Component tests add `// @vitest-environment jsdom` and import what they need.
if (typeof document !== "undefined") {
  const { configure } = await import("@testing-library/dom");
  // Component tests talk to the simulator through the mock API (real parsing, real latency): on a loaded
  // 2-core machine an answer can take longer than Testing Library's default 1 s wait. A wrong screen still
  // fails, only later.
  configure({ asyncUtilTimeout: 5_000 });
}
