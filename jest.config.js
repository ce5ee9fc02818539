/** Jest: TypeScript through ts-jest without type-checking (tsc --noEmit runs as its own step). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 120000,
  setupFiles: ["<rootDir>/test/setup/fast-check-seed.ts"],
};
