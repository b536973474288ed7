import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      // A drizzle delete or update without .where() would hit every row of the organisation.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.name=/^(tx|db)$/][callee.property.name='delete']:not(MemberExpression[property.name='where'] > CallExpression)",
          message: "Chain .where(...) directly after tx.delete(table).",
        },
        {
          selector:
            "CallExpression[callee.object.callee.object.name=/^(tx|db)$/][callee.object.callee.property.name='update'][callee.property.name='set']:not(MemberExpression[property.name='where'] > CallExpression)",
          message: "Chain .where(...) directly after tx.update(table).set(...).",
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Imports point down: the library never reaches into routes or UI. Its tests drive the
    // actions end to end, so they (and their support files) may import them.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.ts", "lib/**/*test-support.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*"],
              message: "lib never imports from app or components.",
            },
          ],
        },
      ],
    },
  },
  {
    // The core reads the module declarations (lib/modules.ts) but never a module's code.
    files: ["lib/core/**/*.{ts,tsx}"],
    ignores: ["lib/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*"],
              message: "lib never imports from app or components.",
            },
            {
              group: ["@/lib/*", "!@/lib/core", "!@/lib/modules"],
              message:
                "lib/core imports no domain module; read the declarations through @/lib/modules.",
            },
          ],
        },
      ],
    },
  },
  {
    // A module's declaration is data: the worker loads its jobs lazily.
    files: ["lib/*/module.ts", "lib/core/module.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/*",
                "!@/lib",
                "!@/lib/core",
                "!@/lib/core/authz",
                "!@/lib/core/authz/roles",
                "!@/lib/core/modules",
                "!@/lib/core/modules/*",
                "./*",
                "../*",
              ],
              message:
                "A module declaration imports only the role sets and defineModule; load jobs with import().",
            },
          ],
        },
      ],
    },
  },
]);
