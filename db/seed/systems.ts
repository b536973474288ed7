import type { Tx } from "@/db/client";
import type { SystemKind } from "@/db/schema/systems";
import type { AuditActor } from "@/lib/core/audit/record";
import { tenantContext } from "@/lib/core/tenancy/context";
import type { DataCategory } from "@/lib/data-categories/options";
import { createSystem } from "@/lib/systems/commands";
import type { SecurityMeasure } from "@/lib/systems/options";
import { systemFormOptions } from "@/lib/systems/queries";
import type { Region } from "@/lib/vendors/options";

/** A demo system in short form: department, vendor and purposes by name and code. */
interface Spec {
  name: string;
  kind: SystemKind;
  description: string;
  department: string;
  hosting: string;
  country: Region;
  vendor?: string;
  data: DataCategory[];
  purposes: string[];
  measures: SecurityMeasure[];
}

/** The platform's real systems: where buyers' and sellers' data lives and where it goes. */
const demo: Spec[] = [
  {
    name: "交易 App 后端",
    kind: "application",
    description: "App 与小程序的接口服务：注册登录、发布转让、下单、核销。",
    department: "技术",
    hosting: "阿里云 华东2（上海）ECS",
    country: "CN",
    vendor: "阿里云",
    data: ["identity", "contact", "transactions", "vouchers", "device"],
    purposes: ["account_transactions", "contact_for_redemption", "real_name_verification"],
    measures: ["encryption_in_transit", "access_control", "mfa", "audit_logging"],
  },
  {
    name: "订单数据库",
    kind: "database",
    description: "订单、转让记录与券码的主库（PolarDB），手机号与证件号字段级加密。",
    department: "技术",
    hosting: "阿里云 华东2（上海）PolarDB",
    country: "CN",
    vendor: "阿里云",
    data: ["identity", "contact", "national_id", "transactions", "vouchers", "financial"],
    purposes: ["account_transactions", "payment_processor_sharing"],
    measures: [
      "encryption_at_rest",
      "field_encryption",
      "network_isolation",
      "backup",
      "access_control",
      "audit_logging",
    ],
  },
  {
    name: "支付网关",
    kind: "service",
    description: "对接支付宝、微信支付与银联的收付款与退款服务。",
    department: "技术",
    hosting: "自建（上海嘉定机房）",
    country: "CN",
    data: ["transactions", "financial"],
    purposes: ["payment_processor_sharing"],
    measures: ["encryption_in_transit", "field_encryption", "network_isolation", "audit_logging"],
  },
  {
    name: "短信网关",
    kind: "service",
    description: "验证码、核销提醒与营销短信的发送通道。",
    department: "运营",
    hosting: "腾讯云 华南（广州）",
    country: "CN",
    vendor: "腾讯云短信",
    data: ["contact"],
    purposes: ["contact_for_redemption", "marketing_sms"],
    measures: ["encryption_in_transit", "data_masking"],
  },
  {
    name: "客服工作台",
    kind: "application",
    description: "在线客服与工单系统：退款纠纷、转让争议、个人信息权利请求的受理。",
    department: "客服",
    hosting: "容联七陌 SaaS（北京）",
    country: "CN",
    vendor: "容联七陌",
    data: ["identity", "contact", "transactions", "support"],
    purposes: [],
    measures: ["access_control", "mfa", "data_masking", "audit_logging"],
  },
  {
    name: "移动端统计 SDK",
    kind: "sdk",
    description: "App 内集成的统计与推荐 SDK，仅在用户同意后初始化。",
    department: "市场",
    hosting: "友盟+ SDK（杭州）",
    country: "CN",
    vendor: "友盟+",
    data: ["device", "behaviour"],
    purposes: ["analytics_sdk", "personalised_recommendations", "sale_share_ads"],
    measures: ["pseudonymisation", "encryption_in_transit"],
  },
  {
    name: "数据仓库",
    kind: "database",
    description: "经营分析与推荐模型的数据仓库，只存去标识化的行为与交易数据。",
    department: "技术",
    hosting: "阿里云 华东2（上海）MaxCompute",
    country: "CN",
    vendor: "阿里云",
    data: ["transactions", "behaviour", "device", "preferences"],
    purposes: ["personalised_recommendations"],
    measures: ["pseudonymisation", "encryption_at_rest", "access_control", "audit_logging"],
  },
  {
    name: "境外灾备",
    kind: "storage",
    description: "境外手机号用户的数据副本与异地灾备（新加坡区域），已签署标准合同。",
    department: "技术",
    hosting: "AWS 亚太（新加坡）ap-southeast-1",
    country: "SG",
    vendor: "Amazon Web Services",
    data: ["contact", "transactions", "vouchers"],
    purposes: ["cross_border_storage"],
    measures: ["encryption_at_rest", "encryption_in_transit", "backup", "access_control"],
  },
];

const few: Spec[] = [
  {
    name: "Exchange web app",
    kind: "application",
    description: "The marketplace's web app and API.",
    department: "Engineering",
    hosting: "Alibaba Cloud Hong Kong",
    country: "HK",
    vendor: "Alibaba Cloud",
    data: ["identity", "contact", "transactions", "vouchers"],
    purposes: ["account_transactions", "cross_border_storage"],
    measures: ["encryption_at_rest", "encryption_in_transit", "access_control", "mfa"],
  },
  {
    name: "Support desk",
    kind: "application",
    description: "Tickets and rights requests.",
    department: "Support",
    hosting: "Zendesk (EU)",
    country: "EU",
    vendor: "Zendesk",
    data: ["identity", "contact", "support"],
    purposes: [],
    measures: ["access_control", "mfa", "audit_logging"],
  },
];

/** Demo systems through the module's command (and audit), linked to the seeded vendors and purposes. */
export async function seedSystems(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
  actor: AuditActor,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  const options = await systemFormOptions(tx, orgId);
  const id = <T extends { id: string }>(rows: T[], match: (row: T) => boolean) =>
    rows.find(match)?.id;
  for (const spec of size === "full" ? demo : few)
    await createSystem(ctx, {
      name: spec.name,
      kind: spec.kind,
      description: spec.description,
      ownerDepartmentId: id(options.departments, (d) => d.name === spec.department),
      hostingLocation: spec.hosting,
      country: spec.country,
      vendorId: spec.vendor ? id(options.vendors, (v) => v.name === spec.vendor) : undefined,
      dataCategories: spec.data,
      purposeIds: spec.purposes.flatMap(
        (code) => id(options.purposes, (p) => p.code === code) ?? [],
      ),
      securityMeasures: spec.measures,
    });
}
