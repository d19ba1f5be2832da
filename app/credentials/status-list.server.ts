// The published revocation list: a BitstringStatusListCredential signed by the issuer, one bit per credential
// (set: revoked). Verification reads the bit from this same credential.
import { db } from "~/db.server";
import { isoSeconds } from "./build";
import { encodeStatusList, statusBit } from "./bitstring";
import { VC_V2_CONTEXT } from "./contexts.server";
import { issuerId, signingKey, statusListUrl } from "./issuer.server";
import { signCredential } from "./proof.server";

export async function statusListCredential(now = new Date()) {
  const revoked = await db.credential.findMany({ where: { revokedAt: { not: null } }, select: { statusIndex: true } });
  const { pair } = await signingKey();
  return signCredential(
    {
      "@context": [VC_V2_CONTEXT],
      id: statusListUrl(),
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: issuerId(),
      validFrom: isoSeconds(now),
      credentialSubject: {
        id: `${statusListUrl()}#list`,
        type: "BitstringStatusList",
        statusPurpose: "revocation",
        encodedList: encodeStatusList(revoked.map((r) => r.statusIndex)),
      },
    },
    pair,
  );
}

/** Whether the list says the credential at `index` is revoked. */
export function revokedInList(list: Awaited<ReturnType<typeof statusListCredential>>, index: number): boolean {
  return statusBit(list.credentialSubject.encodedList, index);
}
