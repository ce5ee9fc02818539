// ESLint flat config: zero warnings allowed (`eslint --max-warnings 0`).
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import { builtinModules } from "node:module";

// The Office add-in plugin's own rules (load before read, no sync in loops, ...). Its flat config
// leaves the TypeScript parser unset and matches only .js/.ts, so its rules are applied here.
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

// The core stays pure: no Office, no xlsx library, no React, no DOM and no Node, types included.
const nodeModules = builtinModules.flatMap((m) => [m, `node:${m}`]);
const corePurity = {
  "no-restricted-imports": [
    "error",
    {
      paths: [...nodeModules, "exceljs", "fflate", "react", "react-dom", "playwright-core"].map(
        (name) => ({
          name,
          message: "src/core is pure TypeScript: no Node, xlsx or UI libraries.",
        }),
      ),
      patterns: [
        {
          group: [
            "node:*",
            "@fluentui/*",
            "@microsoft/*",
            "office-*",
            "@types/*",
            "**/hosts/**",
            "**/cli/**",
            "**/taskpane/**",
            "**/commands/**",
          ],
          message: "src/core is pure TypeScript: hosts depend on the core, never the reverse.",
        },
      ],
    },
  ],
  "no-restricted-globals": [
    "error",
    ...[
      "window",
      "document",
      "navigator",
      "Office",
      "Excel",
      "OfficeExtension",
      "process",
      "Buffer",
      "require",
      "module",
      "__dirname",
      "globalThis",
      "fetch",
      "setTimeout",
      "setInterval",
      "TextDecoder",
      "TextEncoder",
      "console",
    ].map((name) => ({
      name,
      message: "src/core is pure: hosts supply I/O, time and the platform.",
    })),
  ],
  "@typescript-eslint/triple-slash-reference": [
    "error",
    { path: "never", types: "never", lib: "never" },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "dist/", "coverage/", "out/", "**/*.d.ts"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: [
      "src/hosts/office/**/*.{ts,tsx}",
      "src/taskpane/**/*.{ts,tsx}",
      "src/commands/**/*.{ts,tsx}",
      "src/dialog/**/*.{ts,tsx}",
    ],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  { files: ["src/core/**/*.ts"], rules: corePurity },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
