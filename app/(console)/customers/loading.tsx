import { getTranslations } from "next-intl/server";
import { TableSkeleton } from "@/components/data-table/table-skeleton";

export default async function Loading() {
  return <TableSkeleton label={(await getTranslations("customers"))("list.loading")} columns={7} />;
}
