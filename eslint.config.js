// ESLint flat config: typescript-eslint's recommended rules; console only in the CLI, the bench scripts and tests.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "web/dist/", "tests/artifacts/", "bench-out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/cli/**", "src/bench/**", "tests/**", "*.js"], rules: { "no-console": "off" } },
  // The explorer talks to the server over HTTP only: from src/ it may import the web/server contract alone (and what
  // the contract re-exports), and nothing of Node. Its Vite config runs in Node, not in the browser.
  {
    files: ["web/**"],
    ignores: ["web/vite.config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+src/(?!api/contract(\\.js|\\.ts)?$)",
              message:
                "web/ may import from src/ only the web/server contract (src/api/contract.ts); add what the explorer needs there.",
            },
            { group: ["node:*"], message: "web/ runs in the browser: no Node modules." },
          ],
        },
      ],
    },
  },
  // The contract is bundled into the browser: types may come from anywhere, run-time code not from Node, Express or
  // graphology.
  {
    files: ["src/api/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "express", "graphology", "graphology-*"],
              allowTypeImports: true,
              message: "src/api/ is bundled into the browser: import only types from Node, Express or graphology.",
            },
          ],
        },
      ],
    },
  },
);
