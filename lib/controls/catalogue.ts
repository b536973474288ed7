import type { ControlStatus } from "@/db/schema/controls";

type Text = { "zh-CN": string; en: string };

/**
 * The controls: each maps requirements of the library (by key) to evidence the product computes
 * (`lib/controls/evidence`, one query per control), never to a typed answer. `query` says in
 * words what the query counts; `thresholds` turn its rate into a status.
 */
export interface Control {
  id: ControlId;
  requirements: readonly string[];
  title: Text;
  query: Text;
  /** Rate at or above which the control is met, and partly met; below: not met. */
  thresholds: { met: number; partly: number };
}

export const controlIds = [
  "training_completion",
  "policy_acknowledgements",
  "requests_on_time",
  "breach_clocks",
  "vendors_reviewed",
  "separate_consent",
  "audit_chain",
  "key_rotation",
  "audit_cycle",
] as const;
export type ControlId = (typeof controlIds)[number];

export const controls: readonly Control[] = [
  {
    id: "training_completion",
    requirements: ["PIPL-51", "GDPR-39", "CCPA-1798.100", "GBT-10"],
    title: { "zh-CN": "员工培训完成率", en: "Staff training completion" },
    query: {
      "zh-CN": "在职成员的已分配课程中，没有未完成分配（已完成）的比例；逾期人数并列显示。",
      en: "Of every active member's assigned courses, those with nothing left open (completed); people overdue shown beside it.",
    },
    thresholds: { met: 0.95, partly: 0.8 },
  },
  {
    id: "policy_acknowledgements",
    requirements: ["PIPL-51", "GDPR-5"],
    title: {
      "zh-CN": "制度已发布并确认（≥ 95%）",
      en: "Policies published and acknowledged (≥ 95%)",
    },
    query: {
      "zh-CN": "在职成员对要求确认的已发布制度现行版本的确认数，占应确认数的比例。",
      en: "Acknowledgements by active members of the version in force of each published document that asks for one, among those asked.",
    },
    thresholds: { met: 0.95, partly: 0.8 },
  },
  {
    id: "requests_on_time",
    requirements: ["PIPL-44", "PIPL-50", "GDPR-12", "CCPA-1798.130", "GBT-8.7"],
    title: { "zh-CN": "权利请求按时答复", en: "Rights requests answered on time" },
    query: {
      "zh-CN": "近365天关闭的请求中在到期日前（含）关闭的比例；仍有逾期未结请求时至多为部分满足。",
      en: "Requests closed in the last 365 days that closed on or before their due day; open requests past due cap it at partly met.",
    },
    thresholds: { met: 1, partly: 0.9 },
  },
  {
    id: "breach_clocks",
    requirements: ["PIPL-57", "GDPR-33", "INCIDENT-4H", "NDSMR-11", "CA-1798.82"],
    title: { "zh-CN": "事件报告时限达成", en: "Breach clocks met" },
    query: {
      "zh-CN": "近365天（演练除外）按时记录的报告和通知，占全部到期时限的比例。",
      en: "Reports and notices recorded in time in the last 365 days (drills left out), among every clock that came due.",
    },
    thresholds: { met: 1, partly: 0.9 },
  },
  {
    id: "vendors_reviewed",
    requirements: ["PIPL-21", "GDPR-28"],
    title: { "zh-CN": "供应商协议与审查", en: "Vendor agreements and reviews" },
    query: {
      "zh-CN": "在用供应商中已签署协议且审查未逾期的比例。",
      en: "Active vendors with a signed agreement and a review that is not overdue.",
    },
    thresholds: { met: 1, partly: 0.8 },
  },
  {
    id: "separate_consent",
    requirements: ["PIPL-29", "PIPL-14"],
    title: { "zh-CN": "敏感信息单独同意", en: "Separate consent for sensitive information" },
    query: {
      "zh-CN": "以同意为PIPL依据且涉及敏感信息的在用目的中，采用单独同意的比例。",
      en: "Active purposes on a PIPL consent basis that touch sensitive information and ask separate consent.",
    },
    thresholds: { met: 1, partly: 1 },
  },
  {
    id: "audit_chain",
    requirements: ["GDPR-5", "PIPL-51", "PIPL-54"],
    title: {
      "zh-CN": "审计链完整且有近期检查点",
      en: "Audit chain intact with a recent checkpoint",
    },
    query: {
      "zh-CN": "审计日志哈希链与已签名检查点一致，且没有超过2小时未被检查点覆盖的事件。",
      en: "The audit log's hash chain agrees with its signed checkpoints, and no event has waited more than 2 hours for one.",
    },
    thresholds: { met: 1, partly: 1 },
  },
  {
    id: "key_rotation",
    requirements: ["PIPL-51", "GDPR-32"],
    title: { "zh-CN": "密钥轮换周期", en: "Key rotation age" },
    query: {
      "zh-CN": "组织主密钥版本的使用天数：365天内满足，455天内部分满足。",
      en: "Days since the organisation's primary key version was made: within 365 met, within 455 partly.",
    },
    thresholds: { met: 365, partly: 455 },
  },
  {
    id: "audit_cycle",
    requirements: ["PIPL-54", "PI_AUDIT-4"],
    title: { "zh-CN": "合规审计周期", en: "Compliance audit cycle" },
    query: {
      "zh-CN": "金库中个人（已删除的除外）超过1000万人时，上次完成的合规审计距今不超过两年。",
      en: "When the vault holds more than 10 million individuals (erased ones left out), the last completed compliance audit ended less than two years ago.",
    },
    thresholds: { met: 1, partly: 1 },
  },
];

export const controlById = (id: string): Control | undefined => controls.find((c) => c.id === id);

/** The controls that evidence a requirement. */
export const controlsFor = (requirementKey: string): Control[] =>
  controls.filter((c) => c.requirements.includes(requirementKey));

/** A rate against the thresholds; no denominator is nothing to measure. */
export function statusOfRate(
  numerator: number,
  denominator: number,
  thresholds: Control["thresholds"],
): ControlStatus {
  if (denominator === 0) return "no_data";
  const rate = numerator / denominator;
  if (rate >= thresholds.met) return "met";
  return rate >= thresholds.partly ? "partly" : "not_met";
}

const order: Record<ControlStatus, number> = { not_met: 0, partly: 1, met: 2, no_data: 3 };

/** A requirement's status from its controls' statuses: the worst one that measured anything. */
export function worstStatus(statuses: readonly ControlStatus[]): ControlStatus {
  const measured = statuses.filter((s) => s !== "no_data");
  if (measured.length === 0) return "no_data";
  return measured.reduce((a, b) => (order[a] <= order[b] ? a : b));
}
