// Numbers as a Dutch reader writes them. formatNumber remembers what it formatted, so the same answers must come
// back the second time, after many other numbers, and for the edge Intl writes differently (-0).
import { describe, expect, it } from "vitest";
import { formatHours, formatNumber, formatStudyLoad } from "~/format";

describe("formatNumber", () => {
  it("writes a decimal comma and a thousands point", () => {
    expect(formatNumber(22.5)).toBe("22,5");
    expect(formatNumber(1234)).toBe("1.234");
    expect(formatHours(4.5)).toBe("4,5 uur");
  });

  it("gives the same answer again, also after more numbers than it keeps", () => {
    const first = [0, 22.5, 1234, -3.25].map(formatNumber);
    for (let i = 0; i < 2_500; i++) formatNumber(i + 0.5);
    expect([0, 22.5, 1234, -3.25].map(formatNumber)).toEqual(first);
    expect(first).toEqual(["0", "22,5", "1.234", "-3,25"]);
  });

  it("keeps -0 apart from 0, as Intl does", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(-0)).toBe(new Intl.NumberFormat("nl-NL").format(-0));
    expect(formatNumber(0)).toBe("0");
  });
});

describe("formatStudyLoad", () => {
  it("names every part, and contact days only when there are any", () => {
    const hours = { total: 22.5, reading: 4.5, assignment: 16, peerFeedback: 2, contact: 0 };
    expect(formatStudyLoad(hours)).toBe("22,5 uur: lezen 4,5 uur, opdracht 16 uur, peerfeedback 2 uur");
    expect(formatStudyLoad({ ...hours, total: 28.5, contact: 6 })).toBe(
      "28,5 uur: lezen 4,5 uur, opdracht 16 uur, peerfeedback 2 uur, contactdagen 6 uur",
    );
  });
});
