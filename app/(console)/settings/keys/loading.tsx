import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function Loading() {
  return <Skeleton rows={6} label={(await getTranslations("common"))("loading")} />;
}
