import { z } from "zod";
import type { NoticeTexts } from "@/db/schema/incidents";
import type { MessageLocale } from "@/lib/outbox/templates";

export const noticeParts = ["cause", "harm", "measures", "advice", "contact"] as const;
/** Form field names: the part and the language, e.g. `harm_en`. */
const suffix: Record<MessageLocale, string> = { "zh-CN": "zh", en: "en" };
export const noticeField = (part: keyof NoticeTexts, locale: MessageLocale) =>
  `${part}_${suffix[locale]}`;

const text = z.string().trim().min(1).max(2000);
const fields = Object.fromEntries(
  noticeParts.flatMap((part) => [
    [noticeField(part, "zh-CN"), text],
    [noticeField(part, "en"), text],
  ]),
) as Record<string, typeof text>;

/** The officer's wording of the notice, every part in both languages (each law's template exists in both). */
export const noticeDraftSchema = z.object({ id: z.uuid(), ...fields }).transform((input) => {
  const texts = (locale: MessageLocale) =>
    Object.fromEntries(
      noticeParts.map((part) => [
        part,
        (input as Record<string, string>)[noticeField(part, locale)],
      ]),
    ) as unknown as NoticeTexts;
  return { id: input.id, texts: { "zh-CN": texts("zh-CN"), en: texts("en") } };
});
export type NoticeDraftInput = z.infer<typeof noticeDraftSchema>;
