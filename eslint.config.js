// ESLint flat config: type-checked rules for the TypeScript sources, plain rules for the
// build scripts (which are JavaScript outside tsconfig's program, so they get no type info).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

// The Node globals the plain scripts use. Listed here rather than pulling in the
// `globals` package for a handful of names.
const nodeGlobals = {
  console: "readonly",
  process: "readonly",
  URL: "readonly",
  Buffer: "readonly",
};

export default defineConfig(
  globalIgnores(["dist/", "node_modules/", "coverage/", ".bench/"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error and can outlive the step that started it.
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    // Build scripts and root config files: plain JavaScript, linted without a program.
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
);
