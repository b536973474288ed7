export * from "./organizations";
export * from "./users";
export * from "./audit";
export * from "./vendors";
export * from "./rate-limits";
export * from "./keys";
export * from "./customers";
