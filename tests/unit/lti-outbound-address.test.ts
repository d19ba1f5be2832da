// Which addresses /lti/register may call for someone who is not signed in (issue 25): https only, loopback only
// outside production, and never an address inside a private network.
import { describe, expect, it } from "vitest";
import { callableUrl, isPrivateAddress } from "~/lti/outbound-address";

describe("isPrivateAddress", () => {
  const privateOnes = [
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.10",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
  ];
  const more = ["::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "niet-een-adres"];
  for (const address of [...privateOnes, ...more])
    it(`counts ${address} as private`, () => expect(isPrivateAddress(address)).toBe(true));
  for (const address of ["145.97.39.155", "8.8.8.8", "2001:610:508:108::1", "::ffff:145.97.39.155"])
    it(`counts ${address} as public`, () => expect(isPrivateAddress(address)).toBe(false));
});

describe("callableUrl", () => {
  it("accepts https and refuses plain http, other schemes and credentials in the address", () => {
    const opts = { production: true };
    expect(callableUrl("https://moodle.hogeschool.nl/mod/lti/openid-configuration.php", opts)?.host).toBe(
      "moodle.hogeschool.nl",
    );
    expect(callableUrl("http://moodle.hogeschool.nl/", opts)).toBeNull();
    expect(callableUrl("ftp://moodle.hogeschool.nl/", opts)).toBeNull();
    expect(callableUrl("https://iemand:geheim@moodle.hogeschool.nl/", opts)).toBeNull();
    expect(callableUrl("geen adres", opts)).toBeNull();
    expect(callableUrl(42, opts)).toBeNull();
  });

  it("allows loopback (also over http) only outside production", () => {
    expect(callableUrl("http://127.0.0.1:4000/config", { production: false })).not.toBeNull();
    expect(callableUrl("http://localhost:4000/config", { production: false })).not.toBeNull();
    expect(callableUrl("http://127.0.0.1:4000/config", { production: true })).toBeNull();
    expect(callableUrl("https://localhost/config", { production: true })).toBeNull();
  });
});
