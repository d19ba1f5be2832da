// Logs a demo account in on a running server and returns its session cookie, for the load's headers.
export async function loginCookie(baseUrl: string, email: string, password = "gilde-demo-2027"): Promise<string> {
  const response = await fetch(`${baseUrl}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie.includes("gilde_session=")) throw new Error(`Inloggen als ${email} mislukte.`);
  return cookie;
}
