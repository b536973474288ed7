import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function Loading() {
  return (
    <div className="max-w-3xl">
      <Skeleton rows={4} label={(await getTranslations("account"))("loading")} />
    </div>
  );
}
