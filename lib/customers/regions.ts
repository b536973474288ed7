/**
 * Customer regions are stored as ISO 3166 codes (CN-BJ, DE, US-CA); people read names. Mainland
 * provinces, municipalities, autonomous regions and the SARs by their ISO 3166-2:CN code; a
 * bare country code through the runtime's own region names.
 */
const subdivisions: Record<string, { zh: string; en: string }> = {
  "CN-BJ": { zh: "北京市", en: "Beijing" },
  "CN-TJ": { zh: "天津市", en: "Tianjin" },
  "CN-HE": { zh: "河北省", en: "Hebei" },
  "CN-SX": { zh: "山西省", en: "Shanxi" },
  "CN-NM": { zh: "内蒙古自治区", en: "Inner Mongolia" },
  "CN-LN": { zh: "辽宁省", en: "Liaoning" },
  "CN-JL": { zh: "吉林省", en: "Jilin" },
  "CN-HL": { zh: "黑龙江省", en: "Heilongjiang" },
  "CN-SH": { zh: "上海市", en: "Shanghai" },
  "CN-JS": { zh: "江苏省", en: "Jiangsu" },
  "CN-ZJ": { zh: "浙江省", en: "Zhejiang" },
  "CN-AH": { zh: "安徽省", en: "Anhui" },
  "CN-FJ": { zh: "福建省", en: "Fujian" },
  "CN-JX": { zh: "江西省", en: "Jiangxi" },
  "CN-SD": { zh: "山东省", en: "Shandong" },
  "CN-HA": { zh: "河南省", en: "Henan" },
  "CN-HB": { zh: "湖北省", en: "Hubei" },
  "CN-HN": { zh: "湖南省", en: "Hunan" },
  "CN-GD": { zh: "广东省", en: "Guangdong" },
  "CN-GX": { zh: "广西壮族自治区", en: "Guangxi" },
  "CN-HI": { zh: "海南省", en: "Hainan" },
  "CN-CQ": { zh: "重庆市", en: "Chongqing" },
  "CN-SC": { zh: "四川省", en: "Sichuan" },
  "CN-GZ": { zh: "贵州省", en: "Guizhou" },
  "CN-YN": { zh: "云南省", en: "Yunnan" },
  "CN-XZ": { zh: "西藏自治区", en: "Tibet" },
  "CN-SN": { zh: "陕西省", en: "Shaanxi" },
  "CN-GS": { zh: "甘肃省", en: "Gansu" },
  "CN-QH": { zh: "青海省", en: "Qinghai" },
  "CN-NX": { zh: "宁夏回族自治区", en: "Ningxia" },
  "CN-XJ": { zh: "新疆维吾尔自治区", en: "Xinjiang" },
  "CN-HK": { zh: "香港特别行政区", en: "Hong Kong SAR" },
  "CN-MO": { zh: "澳门特别行政区", en: "Macao SAR" },
  "CN-TW": { zh: "台湾省", en: "Taiwan" },
  "US-CA": { zh: "美国加利福尼亚州", en: "California, United States" },
};

/** The region's name in the reader's language; an unknown code is shown as it is rather than hidden. */
export function regionName(code: string, locale: string): string {
  const known = subdivisions[code];
  if (known) return locale === "en" ? known.en : known.zh;
  if (/^[A-Z]{2}$/.test(code))
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  return code;
}
