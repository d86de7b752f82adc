/**
 * Unit and component tests run in jsdom; the e2e suite drives a real browser from its own node environment.
 * Model-driven apps load React 17.0.2 for a control that declares 16.14.0 (canvas apps load 16.14.0), so
 * every suite that renders runs a second time on React 17 (the react17 / react-dom17 aliases).
 */
const shared = {
  testEnvironment: "jsdom",
  roots: ["<rootDir>/__tests__"],
  // Types are checked once by `npm run typecheck`; Jest only transpiles, file by file.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.ts"],
};

module.exports = {
  globalSetup: "<rootDir>/__tests__/globalSetup.ts",
  testTimeout: 20000,
  projects: [
    { ...shared, displayName: "react16", testMatch: ["**/*.test.ts", "**/*.test.tsx"] },
    {
      ...shared,
      displayName: "react17",
      testMatch: ["**/components/**/*.test.tsx", "**/lifecycle.test.tsx", "**/boundValue.test.ts", "**/reactRuntime.test.tsx"],
      setupFiles: ["<rootDir>/__tests__/react17.setup.ts"],
      moduleNameMapper: {
        "^react$": "react17",
        "^react/(.*)$": "react17/$1",
        "^react-dom$": "react-dom17",
        "^react-dom/(.*)$": "react-dom17/$1",
      },
    },
  ],
};
