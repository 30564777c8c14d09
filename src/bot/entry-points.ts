/**
 * Callback data of buttons that one feature shows and another handles (features never import each
 * other, so the shared names live here).
 */
export const ENTRY = {
  report: "entry:report",
  subscribe: "entry:subscribe",
} as const;
