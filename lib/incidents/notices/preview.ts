import "server-only";
import { customerLaws, type CustomerLaw } from "@/db/schema/customers";
import type { NoticeTexts } from "@/db/schema/incidents";
import type { MessageChannel } from "@/db/schema/outbox";
import enCategories from "@/messages/en/dataCategories.json";
import zhCategories from "@/messages/zh-CN/dataCategories.json";
import { messageLocales, renderMessage, type MessageLocale } from "@/lib/outbox/templates";
import { composeNotice } from "./content";

const categoryNames: Record<MessageLocale, Record<string, string>> = {
  "zh-CN": zhCategories,
  en: enCategories,
};

export interface NoticePreview {
  law: CustomerLaw;
  locale: MessageLocale;
  subject: string;
  body: string;
}

export interface NoticeFacts {
  platform: Record<MessageLocale, string>;
  reference: string;
  discoveredOn: string;
  categories: string[];
  texts: Record<string, NoticeTexts>;
}

/** One law's notice in one language on one channel, exactly as the outbox seals it. */
export function renderNotice(
  law: CustomerLaw,
  locale: MessageLocale,
  channel: MessageChannel,
  facts: NoticeFacts,
) {
  const { title, content } = composeNotice(law, locale, {
    reference: facts.reference,
    discoveredOn: facts.discoveredOn,
    categories: facts.categories.map((c) => categoryNames[locale][c] ?? c),
    texts: facts.texts[locale],
  });
  return renderMessage("incident.notice", channel, locale, {
    platform: facts.platform[locale],
    title,
    content,
  });
}

/** The notice as each law's template words it in each language: what the outbox will send by email. */
export function noticePreviews(facts: NoticeFacts): NoticePreview[] {
  return customerLaws.flatMap((law) =>
    messageLocales.map((locale) => {
      const { subject, body } = renderNotice(law, locale, "email", facts);
      return { law, locale, subject: subject!, body };
    }),
  );
}
