// ESLint flat config: typescript-eslint's recommended rules; console only in the CLI and server entry points.
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
  { files: ["src/cli/**", "src/server/main.ts", "src/bench/**", "tests/**", "*.js"], rules: { "no-console": "off" } },
);
