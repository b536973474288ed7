/** A zone as people read it: its city and its zone's name in their language ("Brussels · 中欧时间"). */
export function zoneName(zone: string, locale: string): string {
  const city = zone.split("/").pop()!.replaceAll("_", " ");
  const generic = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" })
    .formatToParts(new Date())
    .find((p) => p.type === "timeZoneName")?.value;
  return generic ? `${city} · ${generic}` : city;
}
