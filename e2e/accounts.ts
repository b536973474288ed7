/** Demo accounts (db/seed/demo.ts) by role, and extra ones only the end-to-end run creates. */
export const DEMO_PASSWORD = "PrivacyDesk-Demo-2026";

export const accounts = {
  owner: "owner@demo.example",
  admin: "admin@demo.example",
  dpo: "dpo@demo.example",
  manager: "manager@demo.example",
  employee: "employee@demo.example",
  auditor: "auditor@demo.example",
} as const;

export type DemoRole = keyof typeof accounts;

/**
 * Accounts that tests may lock out or change without disturbing the demo ones, in the demo
 * organisation unless `org` names another (an account that lives elsewhere, to be invited).
 */
export const E2E_EXTRA_USERS = [
  { email: "lockout@demo.example", name: "锁定测试", role: "employee" as const },
  { email: "reset@demo.example", name: "重置测试", role: "employee" as const },
  // Enrols two-factor sign-in and signs out and in again (account.spec.ts), apart from the demo dpo.
  { email: "two-factor@demo.example", name: "两步验证测试", role: "privacy_officer" as const },
  { email: "role-change@demo.example", name: "角色测试", role: "employee" as const },
  {
    email: "elsewhere@harbour.example",
    name: "Lin Yue",
    role: "employee" as const,
    org: "harbour",
  },
];
