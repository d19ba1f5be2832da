// Mail is written with the change that causes it, and a failed delivery is retried later, never lost.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { queueMail } from "~/notifications/outbox.server";
import { deliverOutbox } from "~/notifications/sender.server";
import { uniqueEmail } from "../support/factories";

type Sent = { to: string; subject: string; html: string };

function transport(fail: (to: string) => boolean) {
  const sent: Sent[] = [];
  return {
    sent,
    async sendMail(message: Sent & { from: string; text: string }) {
      if (fail(message.to)) throw new Error("550 mailbox unavailable");
      sent.push(message);
    },
  };
}

afterEach(async () => {
  await db.outboxMessage.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
});

describe("outbox", () => {
  it("keeps no mail when the change that caused it is rolled back", async () => {
    const to = uniqueEmail("teruggedraaid");
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(tx, { to, subject: "Welkom", text: "Hallo" });
        throw new Error("de wijziging mislukt");
      }),
    ).rejects.toThrow("de wijziging mislukt");
    expect(await db.outboxMessage.count({ where: { to } })).toBe(0);
  });

  it("escapes text when it makes the HTML body, and links addresses", async () => {
    const to = uniqueEmail("html");
    await db.$transaction((tx) =>
      queueMail(tx, { to, subject: "Test", text: "<b>vet</b> & meer\n\nZie https://gilde.test/x" }),
    );
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to } });
    expect(message.html).toContain("&lt;b&gt;vet&lt;/b&gt; &amp; meer");
    expect(message.html).toContain('<a href="https://gilde.test/x">');
  });

  it("delivers due mail once, and retries a failed one later with the error kept", async () => {
    const good = uniqueEmail("goed");
    const bad = uniqueEmail("kapot");
    await db.$transaction(async (tx) => {
      await queueMail(tx, { to: good, subject: "Een", text: "Hallo" });
      await queueMail(tx, { to: bad, subject: "Twee", text: "Hallo" });
    });
    const flaky = transport((to) => to === bad);
    expect(await deliverOutbox({ via: flaky })).toEqual({ sent: 1, failed: 1 });
    expect(flaky.sent.map((m) => m.to)).toEqual([good]);

    const failed = await db.outboxMessage.findFirstOrThrow({ where: { to: bad } });
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, lastError: "550 mailbox unavailable" });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);

    // Not due yet: nothing is sent again, the good one is not sent twice.
    const again = transport(() => false);
    expect(await deliverOutbox({ via: again })).toEqual({ sent: 0, failed: 0 });

    await db.outboxMessage.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    expect(await deliverOutbox({ via: again })).toEqual({ sent: 1, failed: 0 });
    expect(again.sent.map((m) => m.to)).toEqual([bad]);
    const delivered = await db.outboxMessage.findFirstOrThrow({ where: { to: bad } });
    expect(delivered.sentAt).not.toBeNull();
    expect(delivered.attempts).toBe(2);
    expect(delivered.lastError).toBeNull();
  });

  it("leaves mail in the outbox when no SMTP server is configured", async () => {
    const to = uniqueEmail("blijft");
    await db.$transaction((tx) => queueMail(tx, { to, subject: "Blijft", text: "Hallo" }));
    expect(await deliverOutbox()).toEqual({ sent: 0, failed: 0 });
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to } })).sentAt).toBeNull();
  });
});
