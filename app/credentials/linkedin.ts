// LinkedIn's "add to profile" link for a certification: the form on LinkedIn opens filled in.
export function linkedInAddUrl(c: { name: string; organization: string; issuedAt: Date; id: string; url: string }) {
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: c.name,
    organizationName: c.organization,
    issueYear: String(c.issuedAt.getUTCFullYear()),
    issueMonth: String(c.issuedAt.getUTCMonth() + 1),
    certUrl: c.url,
    certId: c.id,
  });
  return `https://www.linkedin.com/profile/add?${params}`;
}
