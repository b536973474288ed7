/** What every server action returns to `useActionState`. */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; message?: string; data?: T }
  | {
      status: "error";
      message: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string | string[]>;
    };

export const idle: ActionState = { status: "idle" };
