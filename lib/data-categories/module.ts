import { defineModule } from "@/lib/core/modules/define-module";

/** The catalogue of personal-data categories that purposes and vendors name. */
export const dataCategoriesModule = defineModule({
  name: "data-categories",
  messages: ["dataCategories"],
});
