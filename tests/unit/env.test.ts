// app/env.server.ts owns every variable: one Dutch list of what is wrong, defaults that run offline, and the
// settings the tests switch within one process read as they are now.
import { describe, expect, it } from "vitest";
import { databaseSettings, oidcSettings, parseEnv, paymentSettings } from "~/env.server";

describe("configuration", () => {
  it("checks the database pool, the bench switch and the crash point with the rest, in Dutch", () => {
    let message = "";
    try {
      parseEnv({ NODE_ENV: "prod", DATABASE_POOL_SIZE: "veel", BENCH: "ja", GILDE_CRASH_POINT: "ergens", PORT: "0" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "De omgevingsvariabelen kloppen niet:",
      "  - NODE_ENV: moet development, production of test zijn",
      "  - PORT: moet een poortnummer zijn, bijvoorbeeld 3000",
      "  - DATABASE_POOL_SIZE: moet een aantal verbindingen zijn, bijvoorbeeld 10",
      "  - BENCH: moet on of off zijn",
      "  - GILDE_CRASH_POINT: moet upload, hand-in of webhook zijn",
    ]);
  });

  it("fills in what is unset or blank with the offline defaults", () => {
    expect(parseEnv({ DATA_DIR: "  ", CONTENT_DIR: "", DATABASE_URL: "" })).toMatchObject({
      DATABASE_URL: undefined,
      DATABASE_POOL_SIZE: 10,
      DATA_DIR: "data",
      CONTENT_DIR: "content",
      BENCH: "off",
    });
    expect(parseEnv({}).GILDE_CRASH_POINT).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "" }).NODE_ENV).toBe("development");
    expect(parseEnv({ DATABASE_POOL_SIZE: "25", GILDE_CRASH_POINT: "hand-in" })).toMatchObject({
      DATABASE_POOL_SIZE: 25,
      GILDE_CRASH_POINT: "hand-in",
    });
  });

  it("reads the database and payment settings again when a value changes", () => {
    const source: Record<string, string | undefined> = { DATABASE_URL: "postgres://localhost/gilde" };
    expect(databaseSettings(source).DATABASE_URL).toBe("postgres://localhost/gilde");
    source.DATABASE_URL = "postgres://localhost/gilde?schema=test_1";
    expect(databaseSettings(source).DATABASE_URL).toBe("postgres://localhost/gilde?schema=test_1");
    delete source.DATABASE_URL;
    expect(databaseSettings(source).DATABASE_URL).toBeUndefined();

    expect(paymentSettings(source).PAYMENTS).toBeUndefined();
    source.PAYMENTS = "demo";
    expect(paymentSettings(source).PAYMENTS).toBe("demo");
    source.PAYMENTS = "stripe";
    expect(() => paymentSettings(source)).toThrowError(/STRIPE_SECRET_KEY: ontbreekt/);
  });

  it("turns eduID and SURFconext on only with issuer, client id and secret, over https", () => {
    expect(oidcSettings({}).EDUID_ISSUER).toBeUndefined();
    let message = "";
    try {
      parseEnv({ EDUID_ISSUER: "https://connect.eduid.nl", SURFCONEXT_ISSUER: "http://connect.surfconext.nl" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "De omgevingsvariabelen kloppen niet:",
      "  - SURFCONEXT_ISSUER: moet met https:// beginnen",
      "  - EDUID_CLIENT_ID: ontbreekt: EDUID_ISSUER is gezet, zet ze alle drie of geen",
      "  - EDUID_CLIENT_SECRET: ontbreekt: EDUID_ISSUER is gezet, zet ze alle drie of geen",
      "  - SURFCONEXT_CLIENT_ID: ontbreekt: SURFCONEXT_ISSUER is gezet, zet ze alle drie of geen",
      "  - SURFCONEXT_CLIENT_SECRET: ontbreekt: SURFCONEXT_ISSUER is gezet, zet ze alle drie of geen",
    ]);
    const source = { SURFCONEXT_ISSUER: "https://connect.surfconext.nl", SURFCONEXT_CLIENT_ID: "gilde" };
    expect(() => oidcSettings(source)).toThrowError(/SURFCONEXT_CLIENT_SECRET: ontbreekt/);
    expect(oidcSettings({ ...source, SURFCONEXT_CLIENT_SECRET: "s" }).SURFCONEXT_CLIENT_ID).toBe("gilde");
    // The tests' fake provider runs on this machine over plain http.
    const fake = { EDUID_ISSUER: "http://127.0.0.1:4000", EDUID_CLIENT_ID: "gilde", EDUID_CLIENT_SECRET: "s" };
    expect(oidcSettings(fake).EDUID_ISSUER).toBe("http://127.0.0.1:4000");
  });
});
