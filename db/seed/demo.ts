/** The demo organisations and accounts. Passwords are for the local demo only (see README). */
export const DEMO_PASSWORD = "PrivacyDesk-Demo-2026";

export const demoOrganizations = [
  {
    slug: "demo",
    nameZh: "拼团转让示范平台",
    nameEn: "Demo Group-Buy Exchange",
    jurisdictions: ["PIPL", "GDPR", "CCPA"] as const,
    locale: "zh-CN" as const,
    departments: ["法务合规", "客服", "技术", "市场", "运营"],
    // Department → the email of its head, so a manager's department page and team views have someone in charge.
    heads: {
      法务合规: "dpo@demo.example",
      客服: "manager@demo.example",
      技术: "admin@demo.example",
      市场: "owner@demo.example",
      运营: "manager@demo.example",
    },
    people: [
      { email: "owner@demo.example", name: "王海燕", role: "owner", department: "法务合规" },
      { email: "admin@demo.example", name: "李明", role: "admin", department: "技术" },
      { email: "dpo@demo.example", name: "陈静", role: "privacy_officer", department: "法务合规" },
      { email: "manager@demo.example", name: "张伟", role: "manager", department: "客服" },
      { email: "employee@demo.example", name: "刘洋", role: "employee", department: "客服" },
      { email: "auditor@demo.example", name: "赵敏", role: "auditor", department: null },
    ],
  },
  {
    slug: "harbour",
    nameZh: "海港团购转让",
    nameEn: "Harbour Voucher Exchange",
    jurisdictions: ["PIPL", "GDPR"] as const,
    locale: "en" as const,
    departments: ["Legal", "Support", "Engineering"],
    heads: {
      Legal: "dpo@harbour.example",
      Support: "owner@harbour.example",
      Engineering: "owner@harbour.example",
    },
    people: [
      { email: "owner@harbour.example", name: "Zhou Qiang", role: "owner", department: "Legal" },
      {
        email: "dpo@harbour.example",
        name: "Helen Ng",
        role: "privacy_officer",
        department: "Legal",
      },
      // The demo owner belongs to both organisations, to show switching between them.
      { email: "owner@demo.example", name: "王海燕", role: "admin", department: null },
    ],
  },
] as const;
