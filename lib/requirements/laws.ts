/**
 * The laws, regulations and standards the requirements library draws on, each with its source
 * and the day it came into force (../shared/reference/regulatory-facts.md). Reference data: the
 * library's requirements name one of these by id.
 */
export interface Law {
  id: LawId;
  name: { "zh-CN": string; en: string };
  /** Who issued it and how it is cited. */
  source: string;
  inForce: string;
}

export const lawIds = [
  "PIPL",
  "NDSMR",
  "PI_AUDIT",
  "INCIDENT_REPORTING",
  "CROSS_BORDER",
  "CERTIFICATION",
  "GBT35273",
  "GDPR",
  "CCPA",
] as const;
export type LawId = (typeof lawIds)[number];

export const laws: readonly Law[] = [
  {
    id: "PIPL",
    name: { "zh-CN": "个人信息保护法", en: "Personal Information Protection Law (PIPL)" },
    source: "《中华人民共和国个人信息保护法》",
    inForce: "2021-11-01",
  },
  {
    id: "NDSMR",
    name: {
      "zh-CN": "网络数据安全管理条例",
      en: "Network Data Security Management Regulations",
    },
    source: "国务院令第790号",
    inForce: "2025-01-01",
  },
  {
    id: "PI_AUDIT",
    name: {
      "zh-CN": "个人信息保护合规审计管理办法",
      en: "Measures for Personal Information Protection Compliance Audits",
    },
    source: "国家互联网信息办公室令",
    inForce: "2025-05-01",
  },
  {
    id: "INCIDENT_REPORTING",
    name: {
      "zh-CN": "国家网络安全事件报告管理办法",
      en: "Measures for Reporting National Cybersecurity Incidents",
    },
    source: "国家互联网信息办公室 (issued 2025-09)",
    inForce: "2025-11-01",
  },
  {
    id: "CROSS_BORDER",
    name: {
      "zh-CN": "促进和规范数据跨境流动规定",
      en: "Provisions on Promoting and Regulating Cross-Border Data Flows",
    },
    source: "国家互联网信息办公室令第16号",
    inForce: "2024-03-22",
  },
  {
    id: "CERTIFICATION",
    name: {
      "zh-CN": "个人信息出境认证办法",
      en: "Measures for Certification of Personal Information Exports",
    },
    source: "国家互联网信息办公室、国家市场监督管理总局",
    inForce: "2026-01-01",
  },
  {
    id: "GBT35273",
    name: {
      "zh-CN": "信息安全技术 个人信息安全规范 (GB/T 35273-2020)",
      en: "GB/T 35273-2020 Personal Information Security Specification",
    },
    source: "GB/T 35273-2020",
    inForce: "2020-10-01",
  },
  {
    id: "GDPR",
    name: { "zh-CN": "欧盟通用数据保护条例 (GDPR)", en: "General Data Protection Regulation" },
    source: "Regulation (EU) 2016/679",
    inForce: "2018-05-25",
  },
  {
    id: "CCPA",
    name: {
      "zh-CN": "加州消费者隐私法 (CCPA/CPRA)",
      en: "California Consumer Privacy Act as amended by the CPRA",
    },
    source: "Cal. Civ. Code §1798.100 ff.; 11 CCR §7000 ff.",
    inForce: "2023-01-01",
  },
];

export const lawById = (id: string): Law | undefined => laws.find((l) => l.id === id);
