import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** The GDPR Art. 33(5) register of every breach, as CSV (the export is audited). */
export async function BreachRegisterLink() {
  const t = await getTranslations("incidentResponse.register");
  return (
    <a href="/incidents/register" className={buttonClass("secondary")} download>
      {t("export")}
    </a>
  );
}
