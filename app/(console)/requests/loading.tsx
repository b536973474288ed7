import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function Loading() {
  return <Skeleton label={(await getTranslations("common"))("loading")} />;
}
