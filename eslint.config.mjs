import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // Every console mutation goes through defineAction; raw deletes/updates need a where.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='delete'][arguments.length=1]:not(:has(CallExpression[callee.property.name='where']))",
          message: "Use .where(...) with every delete.",
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
