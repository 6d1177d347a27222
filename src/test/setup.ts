// Shared Vitest setup. Component tests add `// @vitest-environment jsdom` and import what they need.
export {};
