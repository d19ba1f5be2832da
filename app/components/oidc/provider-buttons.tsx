// The "Inloggen met eduID / SURFconext" buttons on /inloggen, only for the providers this installation has set up,
// with what went wrong on the last try right above them.
export type LoginProvider = { slug: string; label: string; hint: string };

export function ProviderButtons({
  providers,
  redirectTo,
  error,
}: {
  providers: LoginProvider[];
  redirectTo: string;
  error: string | null;
}) {
  if (!providers.length && !error) return null;
  const query = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : "";
  return (
    <section className="login-providers stack" aria-labelledby="inloggen-via">
      <h2 id="inloggen-via">Of log in met eduID of SURFconext</h2>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {providers.map((provider) => (
        <div key={provider.slug}>
          {/* A plain link: the browser leaves for the provider, so no client-side navigation. */}
          <a className="button button--secondary login-providers__button" href={`/inloggen/${provider.slug}${query}`}>
            Inloggen met {provider.label}
          </a>
          <p className="muted">{provider.hint}</p>
        </div>
      ))}
    </section>
  );
}
