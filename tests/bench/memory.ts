// Resident memory of a running server as the operating system sees it: the process itself and, with several
// workers, each of its children (Linux /proc).
import fs from "node:fs";

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // The command name may hold spaces and parentheses: the parent id is the second field after the last ")".
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

export type Memory = { processes: number[]; total: number; largest: number };

/** The server's resident memory in MB: per process (supervisor first), in all, and its largest process. */
export function serverMemory(pid: number): Memory {
  const processes = [pid, ...childrenOf(pid)].map(rssMb);
  return { processes, total: processes.reduce((a, b) => a + b, 0), largest: Math.max(...processes) };
}
