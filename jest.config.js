/** Unit and component tests run in jsdom; the e2e suite drives a real browser from its own node environment. */
module.exports = {
  testEnvironment: "jsdom",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Types are checked once by `npm run typecheck`; Jest only transpiles, file by file.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.ts"],
  globalSetup: "<rootDir>/__tests__/globalSetup.ts",
  testTimeout: 20000,
};
