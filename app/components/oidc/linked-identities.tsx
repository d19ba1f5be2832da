// Under a user's address in the admin's list: the eduID or SURFconext accounts that log in to it, with the eppn
// and home organisation the provider gave (what the edubadges export will use).
type Identity = {
  id: string;
  provider: "EDUID" | "SURFCONEXT";
  eppn: string | null;
  schacHomeOrganization: string | null;
};

export function LinkedIdentities({ identities }: { identities: Identity[] | undefined }) {
  if (!identities?.length) return null;
  return (
    <ul className="plain-list muted">
      {identities.map((identity) => (
        <li key={identity.id}>
          {identity.provider === "EDUID" ? "eduID" : "SURFconext"}
          {identity.eppn ? `: ${identity.eppn}` : ""}
          {identity.schacHomeOrganization ? ` (${identity.schacHomeOrganization})` : ""}
        </li>
      ))}
    </ul>
  );
}
