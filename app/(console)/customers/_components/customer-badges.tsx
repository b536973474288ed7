import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CustomerStatus } from "@/db/schema/customers";

const statusTone: Record<CustomerStatus, BadgeTone> = {
  active: "green",
  closed: "neutral",
  erased: "red",
};

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const t = useTranslations("customers");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={statusTone[status]}>{t(`options.status.${status}`)}</Badge>
    </span>
  );
}

/** The laws that apply, as short codes (PIPL, GDPR, CCPA). */
export function LawBadges({ laws, none }: { laws: string[]; none: string }) {
  if (laws.length === 0) return <span className="text-slate-400">{none}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {laws.map((law) => (
        <Badge key={law} tone="blue">
          {law}
        </Badge>
      ))}
    </span>
  );
}
