import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // A drizzle delete or update without .where() would hit every row of the organisation.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name=/^(tx|db)$/][callee.property.name='delete']:not(MemberExpression[property.name='where'] > CallExpression)",
          message: "Chain .where(...) directly after tx.delete(table).",
        },
        {
          selector: "CallExpression[callee.object.callee.object.name=/^(tx|db)$/][callee.object.callee.property.name='update'][callee.property.name='set']:not(MemberExpression[property.name='where'] > CallExpression)",
          message: "Chain .where(...) directly after tx.update(table).set(...).",
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
