// An admin's to-do list: employer invoices past their date, privacy requests open, e-mails that failed to go out,
// and cohorts that have not ended and still lack a trainer or gildes.
import { db } from "~/db.server";
import { overdueInvoices } from "~/enrollment/payments.server";
import { formatEuro } from "~/format";
import { count, type Todo } from "./todo";

export async function adminTodos(now = new Date()): Promise<Todo[]> {
  const [invoices, privacy, failedMails, cohorts] = await Promise.all([
    overdueInvoices(now),
    db.privacyRequest.findMany({
      where: { status: "PENDING" },
      orderBy: { requestedAt: "asc" },
      select: { kind: true, requestedAt: true, user: { select: { name: true } } },
    }),
    db.outboxMessage.aggregate({
      where: { sentAt: null, lastError: { not: null } },
      _count: true,
      _min: { createdAt: true },
    }),
    db.cohort.findMany({
      where: { endsOn: { gte: now }, OR: [{ staff: { none: {} } }, { gildes: { none: {} } }] },
      orderBy: { startsOn: "asc" },
      select: {
        id: true,
        name: true,
        createdAt: true,
        _count: { select: { staff: true, gildes: true } },
      },
    }),
  ]);
  const todos: Todo[] = [];
  for (const invoice of invoices) {
    const payer = invoice.enrollment.intake?.employerName ?? invoice.enrollment.user.name;
    todos.push({
      kind: "invoice",
      title: `Factuur van ${formatEuro(invoice.amountCents)} aan ${payer} is niet betaald`,
      detail: `${invoice.enrollment.user.name}, ${invoice.enrollment.cohort.name}`,
      href: "/beheer/betalingen",
      due: invoice.dueAt?.toISOString(),
    });
  }
  for (const request of privacy) {
    todos.push({
      kind: "privacy",
      title: `${request.kind === "ERASURE" ? "Verzoek om verwijdering" : "Verzoek om inzage"} van ${request.user.name}`,
      detail: "Beantwoord een privacyverzoek binnen een maand.",
      href: "/beheer/privacy",
      since: request.requestedAt.toISOString(),
    });
  }
  if (failedMails._count > 0) {
    todos.push({
      kind: "mail",
      title: `${count(failedMails._count, "e-mail kon", "e-mails konden")} niet worden verzonden`,
      detail: "Gilde probeert het opnieuw; bekijk de foutmelding in de outbox.",
      href: "/beheer/outbox",
      since: failedMails._min.createdAt?.toISOString(),
    });
  }
  for (const cohort of cohorts) {
    const missing = [cohort._count.staff === 0 ? "trainer" : null, cohort._count.gildes === 0 ? "gildes" : null];
    todos.push({
      kind: "cohort-setup",
      title: `${cohort.name} heeft nog geen ${missing.filter(Boolean).join(" en geen ")}`,
      href: `/beheer/groepen/${cohort.id}`,
      since: cohort.createdAt.toISOString(),
    });
  }
  return todos;
}
