// A participant's progress through a module, from the sections they marked as read.
export type ModuleStatus = "not-started" | "busy" | "done";

export const STATUS_LABELS: Record<ModuleStatus, string> = {
  "not-started": "Nog niet begonnen",
  busy: "Bezig",
  done: "Gelezen",
};

export function moduleStatus(read: number, total: number): ModuleStatus {
  if (read <= 0 || total === 0) return "not-started";
  return read >= total ? "done" : "busy";
}

/** Whole percent, rounded down so 99.6% never shows as done. */
export function percent(read: number, total: number): number {
  return total === 0 ? 0 : Math.floor((Math.min(read, total) / total) * 100);
}
