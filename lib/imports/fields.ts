/** The customer fields a CSV column can be mapped to, in the order the mapping form shows them. */
export const importFields = [
  "externalRef",
  "displayName",
  "phone",
  "email",
  "nationalId",
  "address",
  "birthDate",
  "region",
  "laws",
  "realNameVerified",
] as const;
export type ImportField = (typeof importFields)[number];

/** Which column (by position) feeds each field; a field left out is not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

// Header names people use, compared after normalising (lower case, no spaces, _ or -).
const aliases: Record<ImportField, string[]> = {
  externalRef: [
    "externalref",
    "用户id",
    "用户编号",
    "userid",
    "customerid",
    "客户id",
    "客户编号",
    "ref",
    "外部id",
  ],
  displayName: ["displayname", "name", "姓名", "名字", "客户姓名", "fullname", "用户名称"],
  phone: [
    "phone",
    "mobile",
    "手机号",
    "手机",
    "手机号码",
    "电话",
    "联系电话",
    "phonenumber",
    "mobilephone",
    "tel",
  ],
  email: ["email", "e-mail", "mail", "邮箱", "电子邮箱", "电子邮件", "emailaddress"],
  nationalId: ["nationalid", "身份证号", "身份证", "身份证号码", "idnumber", "idcard", "证件号码"],
  address: ["address", "地址", "住址", "联系地址", "收货地址"],
  birthDate: ["birthdate", "出生日期", "生日", "dateofbirth", "dob", "birthday"],
  region: ["region", "地区", "区域", "所在地区"],
  laws: ["laws", "law", "适用法律", "适用法规", "applicablelaws"],
  realNameVerified: ["realnameverified", "实名认证", "实名", "已实名", "实名状态", "verified"],
};

const normaliseHeader = (header: string) =>
  header
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-]/g, "");

/** Guesses the mapping from the header row, in Chinese or English; each column feeds one field at most. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of importFields) {
    const names = new Set(aliases[field].map(normaliseHeader));
    const index = headers.findIndex((h, i) => !taken.has(i) && names.has(normaliseHeader(h)));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** The stored form of a mapping: field → header name (readable, and stable if columns are reordered). */
export function mappingToHeaders(
  mapping: ColumnMapping,
  headers: string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping).map(([field, index]) => [field, headers[index]]),
  );
}

/** Back from the stored form; names the file no longer has are dropped. */
export function mappingFromHeaders(
  stored: Record<string, string>,
  headers: string[],
): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of importFields) {
    const index = stored[field] === undefined ? -1 : headers.indexOf(stored[field]);
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}
