/**
 * Deterministic group-buy activity for generated customers: merchants and their deals, each
 * customer's vouchers, the transfer orders that brought some of them, and payment accounts.
 * Pure functions (no database, no keys), shared by the demo seed and the bulk loader.
 */
import type { OrderStatus, PaymentAccountType, VoucherStatus } from "@/db/schema/vault";
import { between, pick, prng, type Random } from "./people";

interface Deal {
  title: string;
  faceValueCents: number;
  priceCents: number;
}

export interface MerchantSpec {
  externalRef: string;
  name: string;
  category:
    "restaurant" | "hotpot" | "cinema" | "spa" | "bubble_tea" | "coffee" | "ktv" | "fitness";
  city: string;
  deals: Deal[];
}

const deal = (title: string, face: number, price: number): Deal => ({
  title,
  faceValueCents: Math.round(face * 100),
  priceCents: Math.round(price * 100),
});

/** The demo platform's merchants; `m-01` … in this order. */
export const merchantSpecs: MerchantSpec[] = [
  {
    name: "海底捞火锅（国贸店）",
    category: "hotpot",
    city: "北京",
    deals: [deal("海底捞 4人套餐", 598, 458), deal("海底捞 双人套餐", 298, 228)],
  },
  {
    name: "西贝莜面村（徐家汇店）",
    category: "restaurant",
    city: "上海",
    deals: [deal("西贝 3-4人餐", 399, 319), deal("西贝 100元代金券", 100, 88)],
  },
  {
    name: "太二酸菜鱼（天河城店）",
    category: "restaurant",
    city: "广州",
    deals: [deal("太二 双人餐", 168, 139)],
  },
  {
    name: "外婆家（西湖店）",
    category: "restaurant",
    city: "杭州",
    deals: [deal("外婆家 4人餐", 288, 219)],
  },
  {
    name: "绿茶餐厅（新街口店）",
    category: "restaurant",
    city: "南京",
    deals: [deal("绿茶 2-3人餐", 198, 158)],
  },
  {
    name: "和府捞面（南山店）",
    category: "restaurant",
    city: "深圳",
    deals: [deal("和府捞面 单人套餐", 58, 39)],
  },
  {
    name: "巴奴毛肚火锅（春熙路店）",
    category: "hotpot",
    city: "成都",
    deals: [deal("巴奴 双人套餐", 358, 278)],
  },
  {
    name: "喜茶（三里屯店）",
    category: "bubble_tea",
    city: "北京",
    deals: [deal("喜茶 多肉葡萄 2杯", 58, 42)],
  },
  {
    name: "奈雪的茶（静安寺店）",
    category: "bubble_tea",
    city: "上海",
    deals: [deal("奈雪 霸气橙子+欧包", 52, 36)],
  },
  {
    name: "蜜雪冰城（光谷店）",
    category: "bubble_tea",
    city: "武汉",
    deals: [deal("蜜雪冰城 柠檬水 5杯", 20, 12)],
  },
  {
    name: "茶颜悦色（五一广场店）",
    category: "bubble_tea",
    city: "长沙",
    deals: [deal("茶颜悦色 幽兰拿铁 2杯", 36, 28)],
  },
  {
    name: "瑞幸咖啡（望京店）",
    category: "coffee",
    city: "北京",
    deals: [deal("瑞幸 生椰拿铁 3杯", 87, 39)],
  },
  {
    name: "星巴克（陆家嘴店）",
    category: "coffee",
    city: "上海",
    deals: [deal("星巴克 大杯拿铁 2杯", 76, 59)],
  },
  {
    name: "万达影城（CBD 店）",
    category: "cinema",
    city: "北京",
    deals: [deal("万达影城 2D 双人票", 120, 69), deal("万达影城 IMAX 单人票", 90, 59)],
  },
  {
    name: "CGV 影城（大悦城店）",
    category: "cinema",
    city: "上海",
    deals: [deal("CGV 双人观影套餐", 150, 89)],
  },
  {
    name: "大地影院（天河店）",
    category: "cinema",
    city: "广州",
    deals: [deal("大地影院 单人票", 50, 29.9)],
  },
  {
    name: "华夏良子足道（中关村店）",
    category: "spa",
    city: "北京",
    deals: [deal("华夏良子 足疗 90 分钟", 298, 168)],
  },
  {
    name: "悦榕庄水疗（外滩店）",
    category: "spa",
    city: "上海",
    deals: [deal("悦榕 SPA 精油按摩 60 分钟", 880, 598)],
  },
  {
    name: "纯K KTV（解放碑店）",
    category: "ktv",
    city: "重庆",
    deals: [deal("纯K 欢唱 3 小时（小包）", 298, 128)],
  },
  {
    name: "乐刻健身（西溪店）",
    category: "fitness",
    city: "杭州",
    deals: [deal("乐刻 月卡", 299, 199)],
  },
].map((m, i) => ({ ...m, externalRef: `m-${String(i + 1).padStart(2, "0")}` }) as MerchantSpec);

/** A voucher a generated customer holds; `boughtFrom` names the seller when it came by transfer. */
export interface VoucherSpec {
  externalRef: string;
  merchant: number;
  title: string;
  faceValueCents: number;
  pricePaidCents: number;
  purchasedAt: Date;
  expiresAt: Date;
  status: VoucherStatus;
  redemptionCode: string;
  /** An open listing asking this price (status "listed"). */
  askingPriceCents?: number;
  order?: {
    sellerN: number;
    status: OrderStatus;
    priceCents: number;
    createdAt: Date;
    paidAt: Date | null;
    redeemedAt: Date | null;
  };
}

export interface PaymentAccountSpec {
  externalRef: string;
  type: PaymentAccountType;
  identifier: string;
}

export interface Activity {
  vouchers: VoucherSpec[];
  paymentAccount?: PaymentAccountSpec;
}

const DAY = 86_400_000;

const digitsOf = (random: Random, length: number) =>
  Array.from({ length }, () => Math.floor(random() * 10)).join("");

/**
 * Customer n's vouchers (2–4) and the orders (about 2) through which they bought some of them
 * from earlier customers (numbers below n, so a bulk load meets foreign keys in order).
 * `phone` lets an Alipay account use the customer's own number, as it usually does.
 */
export function generatedActivity(n: number, phone: string, now = Date.UTC(2026, 10, 1)): Activity {
  const random = prng(n * 40_503 + 17);
  const vouchers: VoucherSpec[] = [];
  const count = between(random, 2, 4);
  const bought = n > 1 ? Math.min(count, between(random, 1, 3)) : 0;
  for (let k = 0; k < count; k++) {
    const merchant = Math.floor(random() * merchantSpecs.length);
    const { title, faceValueCents, priceCents } = pick(random, merchantSpecs[merchant].deals);
    const purchasedAt = new Date(
      now - between(random, 1, 300) * DAY - between(random, 0, DAY / 1000) * 1000,
    );
    const expiresAt = new Date(purchasedAt.getTime() + between(random, 120, 450) * DAY);
    const expired = expiresAt.getTime() < now;
    const base = {
      externalRef: `v-${n}-${k + 1}`,
      merchant,
      title,
      faceValueCents,
      pricePaidCents: priceCents,
      purchasedAt,
      expiresAt,
      redemptionCode: digitsOf(random, 12),
    };
    if (k < bought) {
      const roll = random();
      const status: OrderStatus = roll < 0.45 ? "paid" : roll < 0.9 ? "redeemed" : "refunded";
      const createdAt = new Date(purchasedAt.getTime() + between(random, 1, 30) * DAY);
      const paidAt = new Date(createdAt.getTime() + between(random, 10, 900) * 1000);
      const transferPrice = Math.round((priceCents * between(random, 70, 98)) / 100);
      vouchers.push({
        ...base,
        status:
          status === "paid"
            ? expired
              ? "expired"
              : "transferred"
            : status === "redeemed"
              ? "redeemed"
              : "refunded",
        order: {
          sellerN: n - between(random, 1, Math.min(n - 1, 500)),
          status,
          priceCents: transferPrice,
          createdAt,
          paidAt,
          redeemedAt:
            status === "redeemed"
              ? new Date(Math.min(now, paidAt.getTime() + between(random, 1, 60) * DAY))
              : null,
        },
      });
    } else {
      const roll = random();
      const status: VoucherStatus = expired
        ? "expired"
        : roll < 0.5
          ? "active"
          : roll < 0.75
            ? "listed"
            : roll < 0.95
              ? "redeemed"
              : "refunded";
      vouchers.push({
        ...base,
        status,
        askingPriceCents: status === "listed" ? Math.round(priceCents * 0.85) : undefined,
      });
    }
  }
  const roll = random();
  const type: PaymentAccountType | undefined =
    roll < 0.2 ? "alipay" : roll < 0.32 ? "wechat_pay" : roll < 0.4 ? "bank_card" : undefined;
  const identifier =
    type === "alipay"
      ? phone
      : type === "wechat_pay"
        ? `wxid_${digitsOf(random, 10)}`
        : `62${digitsOf(random, 17)}`;
  return { vouchers, paymentAccount: type && { externalRef: `pa-${n}`, type, identifier } };
}
