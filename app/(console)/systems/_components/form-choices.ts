import { localized } from "@/lib/core/i18n/localized-text";
import type { SystemFormOptions } from "@/lib/systems/queries";

/** The form's pickers as value/label pairs, purposes named in the reader's language. */
export function formChoices(options: SystemFormOptions, locale: string) {
  return {
    departments: options.departments.map((d) => ({ value: d.id, label: d.name })),
    vendors: options.vendors.map((v) => ({ value: v.id, label: v.name })),
    purposes: options.purposes.map((p) => ({
      value: p.id,
      label: `${localized(p.name, locale)} (${p.code})`,
    })),
  };
}
