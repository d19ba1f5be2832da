// app/env.server.ts owns every variable: one Dutch list of what is wrong, defaults that run offline, and the
// settings the tests switch within one process read as they are now.
import { describe, expect, it } from "vitest";
import { databaseSettings, parseEnv, paymentSettings } from "~/env.server";

describe("configuration", () => {
  it("checks the database pool, the bench switch and the crash point with the rest, in Dutch", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_POOL_SIZE: "veel", BENCH: "ja", GILDE_CRASH_POINT: "ergens", PORT: "0" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "De omgevingsvariabelen kloppen niet:",
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
});
