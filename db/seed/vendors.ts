import type { Tx } from "@/db/client";
import type { AuditActor } from "@/lib/core/audit/record";
import { tenantContext } from "@/lib/core/tenancy/context";
import { departmentOptions } from "@/lib/departments/queries";
import { addDays, todayIso } from "@/lib/core/dates";
import { createVendor, setVendorArchived } from "@/lib/vendors/commands";
import type { DataCategory } from "@/lib/data-categories/options";
import type { Certification, Purpose, Region } from "@/lib/vendors/options";
import { riskQuestions, type RiskAnswers } from "@/lib/vendors/risk";
import type { VendorInput } from "@/lib/vendors/schemas";
import type { HandlerRole } from "@/db/schema/vendors";

/** A demo vendor in short form; dates are days from today so the demo never goes stale. */
interface Spec {
  name: string;
  service: string;
  country: Region;
  /** Entrusted processors act on instructions; payment institutions, merchants, couriers, ad and SDK partners handle data on their own account. */
  role: HandlerRole;
  data: DataCategory[];
  purposes: Purpose[];
  flags?: Array<"sensitive" | "crossBorder">;
  /** DPA: status, then signed and expiry as day offsets. */
  dpa: ["none"] | ["draft"] | ["signed", number, number];
  certs?: Certification[];
  /** One option id per question, in the questionnaire's order. */
  risk: string[];
  lastReviewed?: number;
  cadence?: number;
  department?: string;
  contact?: [string, string];
  notes?: string;
  archived?: boolean;
}

const demo: Spec[] = [
  { name: "阿里云", service: "云服务器与数据库托管（华东 2）", country: "CN", role: "entrusted_processor", data: ["contact", "identity", "national_id", "financial", "transactions", "vouchers", "device"], purposes: ["hosting"], flags: ["sensitive"], dpa: ["signed", -420, 310], certs: ["iso27001", "iso27701", "iso27017", "soc2", "mlps3", "csaStar"], risk: ["over1m", "stores", "disclosed", "none", "contractual", "audited"], lastReviewed: -150, department: "技术", contact: ["王磊", "cloud-partner@aliyun.example"] },
  { name: "腾讯云短信", service: "短信验证码与订单通知", country: "CN", role: "entrusted_processor", data: ["contact"], purposes: ["messaging"], dpa: ["signed", -300, 25], certs: ["iso27001", "mlps3"], risk: ["over1m", "transit", "none", "none", "contractual", "questionnaire"], lastReviewed: -60, department: "技术" },
  { name: "支付宝", service: "在线支付与退款", country: "CN", role: "independent_handler", data: ["contact", "financial", "transactions"], purposes: ["payment"], flags: ["sensitive"], dpa: ["signed", -500, 500], certs: ["pciDss", "iso27001", "mlps3"], risk: ["over1m", "stores", "disclosed", "none", "contractual", "audited"], lastReviewed: -40, department: "运营" },
  { name: "微信支付", service: "在线支付与退款", country: "CN", role: "independent_handler", data: ["contact", "financial", "transactions"], purposes: ["payment"], flags: ["sensitive"], dpa: ["signed", -480, 250], certs: ["pciDss", "iso27001", "mlps3"], risk: ["over1m", "stores", "disclosed", "none", "contractual", "audited"], lastReviewed: -170, department: "运营" },
  { name: "中国银联", service: "银行卡快捷支付与清算", country: "CN", role: "independent_handler", data: ["financial", "transactions"], purposes: ["payment"], flags: ["sensitive"], dpa: ["signed", -700, 400], certs: ["pciDss", "mlps4"], risk: ["under1m", "stores", "none", "none", "contractual", "audited"], lastReviewed: -90, department: "运营" },
  { name: "极光推送", service: "App 消息推送", country: "CN", role: "entrusted_processor", data: ["device"], purposes: ["messaging"], dpa: ["draft"], certs: ["iso27001", "mlps3"], risk: ["over1m", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -200, department: "技术", notes: "协议草案已发法务审阅。" },
  { name: "友盟+", service: "App 统计与崩溃分析", country: "CN", role: "independent_handler", data: ["device", "location"], purposes: ["analytics"], dpa: ["none"], certs: ["mlps3"], risk: ["over1m", "stores", "unknown", "none", "unknown", "none"], lastReviewed: -400, department: "市场", notes: "SDK 已集成，尚未完成安全评估。" },
  { name: "神策数据", service: "用户行为分析（私有化部署）", country: "CN", role: "entrusted_processor", data: ["device", "transactions", "vouchers"], purposes: ["analytics", "marketing"], dpa: ["signed", -200, 165], certs: ["iso27001", "iso27701", "mlps3"], risk: ["under1m", "stores", "none", "none", "contractual", "questionnaire"], lastReviewed: -100, department: "市场" },
  { name: "高德地图", service: "附近商户定位与导航", country: "CN", role: "entrusted_processor", data: ["location", "device"], purposes: ["mapping"], flags: ["sensitive"], dpa: ["signed", -100, 630], certs: ["iso27001", "mlps3"], risk: ["over1m", "transit", "none", "none", "contractual", "questionnaire"], lastReviewed: -30, department: "技术" },
  { name: "腾讯云慧眼", service: "人脸核身与实名认证", country: "CN", role: "entrusted_processor", data: ["identity", "national_id", "biometric"], purposes: ["identityVerification"], flags: ["sensitive"], dpa: ["signed", -250, 480], certs: ["iso27001", "iso27701", "mlps3"], risk: ["over1m", "transit", "none", "none", "verified", "audited"], lastReviewed: -120, department: "法务合规" },
  { name: "网易易盾", service: "反欺诈与内容安全", country: "CN", role: "entrusted_processor", data: ["device", "contact", "transactions"], purposes: ["fraudPrevention"], dpa: ["signed", -380, -15], certs: ["iso27001", "mlps3"], risk: ["over1m", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -80, department: "运营", notes: "续签合同审批中。" },
  { name: "容联七陌", service: "客服外包与呼叫中心", country: "CN", role: "entrusted_processor", data: ["contact", "transactions", "vouchers", "support"], purposes: ["customerService"], dpa: ["signed", -330, 35], certs: ["iso27001", "mlps2"], risk: ["under1m", "direct", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -380, cadence: 12, department: "客服", contact: ["李娜", "service@7moor.example"] },
  { name: "法大大", service: "商户入驻电子合同签署", country: "CN", role: "entrusted_processor", data: ["identity", "national_id", "contact"], purposes: ["eSignature"], flags: ["sensitive"], dpa: ["signed", -150, 580], certs: ["iso27001", "iso27701", "mlps3"], risk: ["under10k", "stores", "none", "none", "contractual", "audited"], lastReviewed: -150, department: "法务合规" },
  { name: "Amazon Web Services", service: "海外灾备存储（新加坡区域）", country: "SG", role: "entrusted_processor", data: ["contact", "transactions", "vouchers"], purposes: ["hosting"], flags: ["crossBorder"], dpa: ["signed", -600, 130], certs: ["iso27001", "iso27017", "iso27701", "soc2", "pciDss", "csaStar"], risk: ["over1m", "stores", "disclosed", "none", "contractual", "audited"], lastReviewed: -160, department: "技术", notes: "已完成个人信息出境标准合同备案。" },
  { name: "Twilio", service: "境外手机号短信验证码", country: "US", role: "entrusted_processor", data: ["contact"], purposes: ["messaging"], flags: ["crossBorder"], dpa: ["signed", -200, 10], certs: ["iso27001", "soc2"], risk: ["under10k", "transit", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -60, department: "技术" },
  { name: "Zendesk", service: "境外用户客服工单", country: "US", role: "entrusted_processor", data: ["contact", "support", "vouchers"], purposes: ["customerService"], flags: ["crossBorder"], dpa: ["none"], certs: ["iso27001", "iso27701", "soc2"], risk: ["under10k", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -350, department: "客服" },
  { name: "Sentry", service: "应用错误监控", country: "US", role: "entrusted_processor", data: ["device"], purposes: ["monitoring"], flags: ["crossBorder"], dpa: ["draft"], certs: ["soc2", "iso27001"], risk: ["under1m", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -200, department: "技术" },
  { name: "Stripe", service: "境外信用卡收单", country: "US", role: "independent_handler", data: ["contact", "financial", "transactions"], purposes: ["payment"], flags: ["sensitive", "crossBorder"], dpa: ["signed", -365, 365], certs: ["pciDss", "soc2", "iso27001"], risk: ["under10k", "stores", "disclosed", "none", "contractual", "audited"], lastReviewed: -20, department: "运营" },
  { name: "悦享 KTV 连锁（商户 POS）", service: "团购券到店核销", country: "CN", role: "independent_handler", data: ["vouchers", "contact"], purposes: ["fulfilment"], dpa: ["none"], risk: ["under1m", "stores", "unknown", "breach", "unknown", "none"], lastReviewed: -120, department: "运营", notes: "商户 POS 曾发生顾客手机号外泄，整改完成前暂停新增门店接入。" },
  { name: "鲜味坊餐饮（商户 POS）", service: "团购券到店核销", country: "CN", role: "independent_handler", data: ["vouchers"], purposes: ["fulfilment"], dpa: ["signed", -90, 640], risk: ["under10k", "transit", "none", "none", "contractual", "questionnaire"], lastReviewed: -90, department: "运营" },
  { name: "丽人美业连锁（商户 POS）", service: "团购券核销与预约", country: "CN", role: "independent_handler", data: ["vouchers", "contact"], purposes: ["fulfilment"], dpa: ["draft"], risk: ["under10k", "stores", "disclosed", "none", "contractual", "none"], lastReviewed: -10, department: "运营" },
  { name: "顺丰速运", service: "实物礼品卡配送", country: "CN", role: "independent_handler", data: ["contact", "location"], purposes: ["fulfilment"], dpa: ["signed", -240, 490], certs: ["iso27001", "mlps3"], risk: ["under10k", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -240, department: "运营" },
  { name: "问卷星", service: "用户满意度调查", country: "CN", role: "entrusted_processor", data: ["contact"], purposes: ["analytics"], dpa: ["signed", -60, 670], certs: ["mlps2"], risk: ["under10k", "stores", "none", "none", "contractual", "questionnaire"], lastReviewed: -60, department: "市场" },
  { name: "腾讯企业邮", service: "员工邮箱（含与用户往来邮件）", country: "CN", role: "entrusted_processor", data: ["contact", "support"], purposes: ["customerService"], dpa: ["signed", -800, 300], certs: ["iso27001", "mlps3"], risk: ["under10k", "stores", "none", "none", "contractual", "audited"], lastReviewed: -300, department: "法务合规" },
  { name: "巨量引擎", service: "广告投放与转化归因", country: "CN", role: "independent_handler", data: ["device", "behaviour"], purposes: ["marketing"], dpa: ["signed", -120, 610], certs: ["iso27001", "mlps3"], risk: ["over1m", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -120, department: "市场", notes: "广告合作伙伴：自行决定如何使用收到的设备标识和行为数据，属于独立处理者。" },
  { name: "个推", service: "App 消息推送（已停用的旧通道）", country: "CN", role: "entrusted_processor", data: ["device"], purposes: ["messaging"], dpa: ["signed", -900, -170], risk: ["under1m", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -400, department: "技术", archived: true },
];

const few: Spec[] = [
  { name: "Alibaba Cloud", service: "Cloud hosting (Hong Kong region)", country: "HK", role: "entrusted_processor", data: ["contact", "transactions", "vouchers"], purposes: ["hosting"], flags: ["crossBorder"], dpa: ["signed", -300, 400], certs: ["iso27001", "iso27017", "soc2", "mlps3"], risk: ["under1m", "stores", "disclosed", "none", "contractual", "audited"], lastReviewed: -100, department: "Engineering" },
  { name: "Twilio", service: "SMS verification codes", country: "US", role: "entrusted_processor", data: ["contact"], purposes: ["messaging"], flags: ["crossBorder"], dpa: ["signed", -200, 20], certs: ["iso27001", "soc2"], risk: ["under10k", "transit", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -60, department: "Engineering" },
  { name: "Zendesk", service: "Customer-support tickets", country: "US", role: "entrusted_processor", data: ["contact", "support"], purposes: ["customerService"], flags: ["crossBorder"], dpa: ["none"], risk: ["under10k", "stores", "disclosed", "none", "contractual", "questionnaire"], lastReviewed: -380, department: "Support" },
];

function toInput(spec: Spec, today: string, departments: Map<string, string>): VendorInput {
  const [status, signed, expires] = spec.dpa;
  return {
    name: spec.name,
    service: spec.service,
    country: spec.country,
    handlerRole: spec.role,
    dataCategories: spec.data,
    purposes: spec.purposes,
    sensitiveData: spec.flags?.includes("sensitive") ?? false,
    crossBorder: spec.flags?.includes("crossBorder") ?? false,
    dpaStatus: status,
    dpaSignedOn: signed === undefined ? undefined : addDays(today, signed),
    dpaExpiresOn: expires === undefined ? undefined : addDays(today, expires),
    certifications: spec.certs ?? [],
    risk: Object.fromEntries(riskQuestions.map((q, i) => [q.id, spec.risk[i]])) as RiskAnswers,
    reviewCadenceMonths: spec.cadence,
    lastReviewedOn: spec.lastReviewed === undefined ? undefined : addDays(today, spec.lastReviewed),
    ownerDepartmentId: spec.department ? departments.get(spec.department) : undefined,
    contactName: spec.contact?.[0],
    contactEmail: spec.contact?.[1],
    notes: spec.notes,
  };
}

/** The demo organisation's vendor register, created through the same command (and audit) as the UI. */
export async function seedVendors(tx: Tx, orgId: string, size: "full" | "few", actor: AuditActor): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  const departments = new Map((await departmentOptions(tx, orgId)).map((d) => [d.name, d.id]));
  const today = todayIso();
  for (const spec of size === "full" ? demo : few) {
    const id = await createVendor(ctx, toInput(spec, today, departments), today);
    if (spec.archived) await setVendorArchived(ctx, id, true, today);
  }
}
