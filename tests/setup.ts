import { inject } from "vitest";

// Every test file sees the run's fresh database and secrets, as the server would.
Object.assign(process.env, inject("testEnv"));
