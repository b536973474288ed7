import type { JobDefinition } from "./job";

/** Every background job the worker runs. Modules add their jobs here. */
export const jobs: JobDefinition[] = [];
