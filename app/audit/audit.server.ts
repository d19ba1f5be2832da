// The audit log: security-relevant events, written in the same transaction as what they record where there is
// one, and searchable by an admin. Never a password, a token or a secret: who, what, about whom, from where.
import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import type { AuditAction } from "./actions";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  action: AuditAction;
  actor?: { id: string; email: string } | null;
  /** For a failed sign-in: the address that was typed (there may be no such user). */
  actorEmail?: string;
  subjectId?: string | null;
  summary: string;
  ip?: string | null;
};

export async function audit(client: Tx | typeof db, entry: AuditEntry, at = new Date()) {
  await client.auditEvent.create({
    data: {
      at,
      action: entry.action,
      actorId: entry.actor?.id ?? null,
      actorEmail: (entry.actor?.email ?? entry.actorEmail ?? "").slice(0, 320),
      subjectId: entry.subjectId ?? null,
      summary: entry.summary.slice(0, 1000),
      ip: entry.ip ?? null,
    },
  });
}

export type AuditSearch = { q?: string; action?: AuditAction; from?: Date; to?: Date; page?: number };

/** Newest first, 50 a page; `q` matches the actor's e-mail, the summary or an exact id. */
export async function searchAudit({ q, action, from, to, page = 1 }: AuditSearch, perPage = 50) {
  const where: Prisma.AuditEventWhereInput = {
    ...(action ? { action } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    ...(q
      ? {
          OR: [
            { actorEmail: { contains: q, mode: "insensitive" } },
            { summary: { contains: q, mode: "insensitive" } },
            { actorId: q },
            { subjectId: q },
          ],
        }
      : {}),
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { at: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, at: true, action: true, actorId: true, actorEmail: true, summary: true, ip: true },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}
