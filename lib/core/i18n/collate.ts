/**
 * Names in the order a Chinese reader expects: by pinyin (张 after 陈), Latin names alongside.
 * The database's own order is by code point, so short pickers sort here; long, paged lists keep
 * the index order their keyset paging needs.
 */
const collator = new Intl.Collator("zh-CN", { numeric: true });

export const compareNames = (a: string, b: string): number => collator.compare(a, b);

/** A copy of `rows` sorted by `name` (pinyin for Chinese). */
export function sortByName<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => compareNames(a.name, b.name));
}
