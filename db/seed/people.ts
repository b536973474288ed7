/**
 * Deterministic, realistic, fictitious customers for the demo and for load tests. Customer number
 * `n` always gets the same person, so a seed can be split across workers or resumed, and tests
 * can rely on what it made. Phone numbers are a bijection of `n`, hence unique. Pure functions:
 * no database, no keys (usable from worker threads).
 */
import { residentIdCheckChar } from "@/lib/customers/national-id";

/** mulberry32: a small, fast, well-distributed 32-bit generator; plenty for fake data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
export const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

// [surname, pinyin], weighted by repetition towards the most common ones.
const surnames = [
  ["王", "wang"],
  ["李", "li"],
  ["张", "zhang"],
  ["刘", "liu"],
  ["陈", "chen"],
  ["杨", "yang"],
  ["黄", "huang"],
  ["赵", "zhao"],
  ["吴", "wu"],
  ["周", "zhou"],
  ["徐", "xu"],
  ["孙", "sun"],
  ["马", "ma"],
  ["朱", "zhu"],
  ["胡", "hu"],
  ["郭", "guo"],
  ["何", "he"],
  ["林", "lin"],
  ["高", "gao"],
  ["罗", "luo"],
  ["郑", "zheng"],
  ["梁", "liang"],
  ["谢", "xie"],
  ["宋", "song"],
  ["唐", "tang"],
  ["许", "xu"],
  ["韩", "han"],
  ["冯", "feng"],
  ["邓", "deng"],
  ["曹", "cao"],
  ["彭", "peng"],
  ["曾", "zeng"],
  ["肖", "xiao"],
  ["田", "tian"],
  ["董", "dong"],
  ["潘", "pan"],
  ["袁", "yuan"],
  ["蔡", "cai"],
  ["蒋", "jiang"],
  ["余", "yu"],
  ["欧阳", "ouyang"],
  ["司马", "sima"],
] as const;
const givenChars = [
  ["伟", "wei"],
  ["芳", "fang"],
  ["娜", "na"],
  ["敏", "min"],
  ["静", "jing"],
  ["丽", "li"],
  ["强", "qiang"],
  ["磊", "lei"],
  ["军", "jun"],
  ["洋", "yang"],
  ["勇", "yong"],
  ["艳", "yan"],
  ["杰", "jie"],
  ["娟", "juan"],
  ["涛", "tao"],
  ["明", "ming"],
  ["超", "chao"],
  ["秀", "xiu"],
  ["霞", "xia"],
  ["平", "ping"],
  ["刚", "gang"],
  ["桂", "gui"],
  ["英", "ying"],
  ["华", "hua"],
  ["文", "wen"],
  ["辉", "hui"],
  ["鑫", "xin"],
  ["宇", "yu"],
  ["浩", "hao"],
  ["婷", "ting"],
  ["欣", "xin"],
  ["佳", "jia"],
  ["子", "zi"],
  ["涵", "han"],
  ["梓", "zi"],
  ["萱", "xuan"],
  ["思", "si"],
  ["雨", "yu"],
  ["晨", "chen"],
  ["博", "bo"],
  ["睿", "rui"],
  ["一", "yi"],
  ["诺", "nuo"],
  ["嘉", "jia"],
  ["怡", "yi"],
  ["俊", "jun"],
  ["凯", "kai"],
  ["琳", "lin"],
] as const;

const westernFirst = [
  "Emma",
  "Lukas",
  "Sophie",
  "Jonas",
  "Marie",
  "Louis",
  "Chloé",
  "Hugo",
  "Aoife",
  "Cian",
  "Sarah",
  "Liam",
  "Olivia",
  "Noah",
  "Mia",
  "Ethan",
  "Léa",
  "Finn",
];
const westernLast = [
  "Schmidt",
  "Müller",
  "Weber",
  "Fischer",
  "Martin",
  "Bernard",
  "Dubois",
  "Moreau",
  "Murphy",
  "Kelly",
  "O'Brien",
  "Walsh",
  "Smith",
  "Johnson",
  "Garcia",
  "Miller",
  "Nguyen",
  "Lee",
];

/** Province code (ISO 3166-2:CN), resident ID area code, and an address prefix in that area. */
const provinces = [
  {
    region: "CN-BJ",
    area: "110105",
    place: "北京市朝阳区",
    streets: ["建国路", "朝阳北路", "望京街", "酒仙桥路"],
  },
  {
    region: "CN-SH",
    area: "310104",
    place: "上海市徐汇区",
    streets: ["漕溪北路", "衡山路", "虹桥路", "田林路"],
  },
  {
    region: "CN-GD",
    area: "440106",
    place: "广东省广州市天河区",
    streets: ["天河路", "体育西路", "珠江新城华夏路", "黄埔大道"],
  },
  {
    region: "CN-GD",
    area: "440305",
    place: "广东省深圳市南山区",
    streets: ["科技园南路", "深南大道", "后海大道", "南海大道"],
  },
  {
    region: "CN-ZJ",
    area: "330106",
    place: "浙江省杭州市西湖区",
    streets: ["文三路", "天目山路", "学院路", "教工路"],
  },
  {
    region: "CN-JS",
    area: "320102",
    place: "江苏省南京市玄武区",
    streets: ["中山路", "珠江路", "北京东路", "龙蟠路"],
  },
  {
    region: "CN-SC",
    area: "510107",
    place: "四川省成都市武侯区",
    streets: ["人民南路", "科华北路", "武侯祠大街", "天府大道"],
  },
  {
    region: "CN-HB",
    area: "420106",
    place: "湖北省武汉市武昌区",
    streets: ["中南路", "中北路", "武珞路", "友谊大道"],
  },
  {
    region: "CN-SN",
    area: "610113",
    place: "陕西省西安市雁塔区",
    streets: ["长安南路", "小寨东路", "高新路", "雁塔路"],
  },
  {
    region: "CN-CQ",
    area: "500103",
    place: "重庆市渝中区",
    streets: ["解放碑步行街", "中山三路", "大坪正街", "上清寺路"],
  },
  {
    region: "CN-TJ",
    area: "120101",
    place: "天津市和平区",
    streets: ["南京路", "滨江道", "营口道", "卫津路"],
  },
  {
    region: "CN-SD",
    area: "370202",
    place: "山东省青岛市市南区",
    streets: ["香港中路", "东海西路", "山东路", "南京路"],
  },
] as const;

const foreign = [
  {
    region: "DE",
    laws: ["GDPR"],
    phone: (d: string) => `+4915${d.slice(0, 9)}`,
    domain: "example.de",
    city: "Berlin",
    street: "Friedrichstraße",
  },
  {
    region: "FR",
    laws: ["GDPR"],
    phone: (d: string) => `+336${d.slice(0, 8)}`,
    domain: "example.fr",
    city: "Paris",
    street: "Rue de Rivoli",
  },
  {
    region: "IE",
    laws: ["GDPR"],
    phone: (d: string) => `+35385${d.slice(0, 7)}`,
    domain: "example.ie",
    city: "Dublin",
    street: "Grafton Street",
  },
  {
    region: "US-CA",
    laws: ["CCPA"],
    phone: (d: string) => `+1415${d.slice(1, 8)}`,
    domain: "example.com",
    city: "San Francisco, CA",
    street: "Market Street",
  },
] as const;

// Mobile prefixes; 138 and 139 are left to the named demo customers, so no generated number collides.
const mobilePrefixes = [
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "150",
  "151",
  "152",
  "155",
  "156",
  "157",
  "158",
  "159",
  "176",
  "177",
  "180",
  "181",
  "186",
  "187",
  "188",
  "189",
  "199",
];
const emailDomains = ["example.com", "example.cn", "example.net", "example.org"];

/** A fictitious customer, as the platform would push it (CustomerInput before parsing). */
export interface GeneratedCustomer {
  externalRef: string;
  displayName: string;
  phone: string;
  email?: string;
  nationalId?: string;
  address?: string;
  birthDate?: string;
  realNameVerified: boolean;
  region: string;
  laws: string[];
  status: "active" | "closed";
  lastActiveAt: Date;
}

/** Generated customers' external refs: g-0000001, g-0000002, … */
export const generatedRef = (n: number) => `g-${String(n).padStart(7, "0")}`;

/** An 8-digit number unique per n < 10^8: an affine bijection modulo 10^8 (the factor is coprime). */
const uniqueDigits = (n: number) =>
  String(Number((BigInt(n) * 48_271n + 12_345_679n) % 100_000_000n)).padStart(8, "0");

/** A resident ID with a valid check character, born on `birthDate` (YYYY-MM-DD) in `area`. */
export function residentId(area: string, birthDate: string, random: Random): string {
  const first17 = `${area}${birthDate.replaceAll("-", "")}${String(between(random, 0, 999)).padStart(3, "0")}`;
  return first17 + residentIdCheckChar(first17);
}

const DAY = 86_400_000;

/** Customer number `n` (1-based), the same on every run. `now` anchors last-active times. */
export function generatedCustomer(n: number, now = Date.UTC(2026, 10, 1)): GeneratedCustomer {
  const random = prng(n * 2_654_435_761);
  const digits = uniqueDigits(n);
  const year = between(random, 1955, 2006);
  const birthDate = `${year}-${String(between(random, 1, 12)).padStart(2, "0")}-${String(between(random, 1, 28)).padStart(2, "0")}`;
  const base = {
    externalRef: generatedRef(n),
    status: random() < 0.04 ? ("closed" as const) : ("active" as const),
    lastActiveAt: new Date(now - Math.floor(random() * 180 * DAY)),
  };
  const roll = random();
  if (roll < 0.08) {
    const place = foreign[roll < 0.05 ? Math.floor((roll / 0.05) * 3) : 3];
    const first = pick(random, westernFirst);
    const last = pick(random, westernLast);
    return {
      ...base,
      displayName: `${first} ${last}`,
      phone: place.phone(digits + digits),
      email: `${first}.${last}${n % 1000}@${place.domain}`
        .toLowerCase()
        .replace(/[^a-z0-9.@]/g, ""),
      address:
        random() < 0.5 ? `${between(random, 1, 200)} ${place.street}, ${place.city}` : undefined,
      birthDate: random() < 0.6 ? birthDate : undefined,
      realNameVerified: false,
      region: place.region,
      laws: [...place.laws],
    };
  }
  const province = pick(random, provinces);
  const [surname, surnamePinyin] = pick(random, surnames);
  const given = Array.from({ length: random() < 0.7 ? 2 : 1 }, () => pick(random, givenChars));
  const verified = random() < 0.7;
  return {
    ...base,
    displayName: surname + given.map(([c]) => c).join(""),
    phone: `+86${pick(random, mobilePrefixes)}${digits}`,
    email:
      random() < 0.45
        ? `${surnamePinyin}.${given.map(([, p]) => p).join("")}${n % 10_000}@${pick(random, emailDomains)}`
        : undefined,
    nationalId:
      verified && random() < 0.8 ? residentId(province.area, birthDate, random) : undefined,
    address:
      random() < 0.75
        ? `${province.place}${pick(random, province.streets)}${between(random, 1, 999)}号`
        : undefined,
    birthDate: random() < 0.8 ? birthDate : undefined,
    realNameVerified: verified,
    region: province.region,
    laws: ["PIPL"],
  };
}
