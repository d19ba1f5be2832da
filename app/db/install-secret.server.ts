// Secrets that belong to this installation and live with its data (the InstallSecret table): made at random the
// first time they are asked for, the same for every app instance on the database, never written in the code.
import crypto from "node:crypto";
import { db } from "~/db.server";

/** The named secret, made once (safe when two requests or two instances ask at the same moment). */
export async function installSecret(name: string, make = () => crypto.randomBytes(32).toString("hex")) {
  await db.installSecret.createMany({ data: [{ name, value: make() }], skipDuplicates: true });
  const stored = await db.installSecret.findUniqueOrThrow({ where: { name }, select: { value: true } });
  return stored.value;
}
