// The start page's to-do list: which line comes first, and how its moment reads in Dutch (issue 18).
import { describe, expect, it } from "vitest";
import { audienceFrom } from "~/dashboard/audience";
import {
  agoLabel,
  calendarDaysBetween,
  dueLabel,
  sortTodos,
  stuckReasons,
  waitingLabel,
  whenLabel,
  type Todo,
} from "~/dashboard/todo";

// Tuesday 1 December 2026, 14:00 in Amsterdam (winter time, UTC+1).
const now = new Date("2026-12-01T13:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();

describe("the moment next to a line", () => {
  it("counts calendar days in Amsterdam, not periods of 24 hours", () => {
    // 23:30 tonight is today; 00:30 tonight is tomorrow, although both are hours away.
    expect(calendarDaysBetween(now, new Date("2026-12-01T22:30:00Z"))).toBe(0);
    expect(calendarDaysBetween(now, new Date("2026-12-01T23:30:00Z"))).toBe(1);
    // Across the switch to summer time a day is still a day.
    expect(calendarDaysBetween(new Date("2027-03-27T12:00:00Z"), new Date("2027-03-28T21:59:00Z"))).toBe(1);
  });

  it("says how long is left, or how late it is", () => {
    expect(dueLabel(new Date("2026-12-01T22:59:00Z"), now)).toBe("vandaag");
    expect(dueLabel(new Date("2026-12-02T22:59:00Z"), now)).toBe("morgen");
    expect(dueLabel(new Date("2026-12-04T22:59:00Z"), now)).toBe("nog 3 dagen");
    expect(dueLabel(new Date("2026-12-01T08:00:00Z"), now)).toBe("vandaag verlopen");
    expect(dueLabel(new Date("2026-11-30T22:59:00Z"), now)).toBe("1 dag te laat");
    expect(dueLabel(new Date("2026-11-29T22:59:00Z"), now)).toBe("2 dagen te laat");
  });

  it("says how long something waits, or when news came", () => {
    expect(waitingLabel(new Date("2026-12-01T08:00:00Z"), now)).toBe("wacht sinds vandaag");
    expect(waitingLabel(new Date("2026-11-30T08:00:00Z"), now)).toBe("wacht sinds gisteren");
    expect(waitingLabel(new Date("2026-11-27T08:00:00Z"), now)).toBe("wacht al 4 dagen");
    expect(agoLabel(new Date("2026-12-01T08:00:00Z"), now)).toBe("vandaag");
    expect(agoLabel(new Date("2026-11-30T08:00:00Z"), now)).toBe("gisteren");
    expect(agoLabel(new Date("2026-11-28T08:00:00Z"), now)).toBe("3 dagen geleden");
    expect(whenLabel({ kind: "queue", title: "q", href: "/", since: at(-2) }, now)).toBe("wacht al 2 dagen");
    expect(whenLabel({ kind: "grade", title: "g", href: "/", since: at(-1) }, now)).toBe("gisteren");
    expect(whenLabel({ kind: "continue", title: "c", href: "/" }, now)).toBeNull();
  });
});

describe("the order of the list", () => {
  const titles = (todos: Todo[]) => sortTodos(todos, now).map((t) => t.title);

  it("puts late work first, then the nearest deadline, then what waits longest", () => {
    expect(
      titles([
        { kind: "continue", title: "verder lezen", href: "/m" },
        { kind: "deadline", title: "over drie dagen", href: "/a", due: at(3) },
        { kind: "grade", title: "cijfer", href: "/g", since: at(-1) },
        { kind: "deadline", title: "te laat", href: "/b", due: at(-2) },
        { kind: "review", title: "feedback geven morgen", href: "/r", due: at(1) },
        { kind: "revision", title: "herzien", href: "/h", since: at(-2) },
      ]),
    ).toEqual(["te laat", "feedback geven morgen", "over drie dagen", "herzien", "cijfer", "verder lezen"]);
  });

  it("ranks waiting work by its age: the oldest submissions first", () => {
    expect(
      titles([
        { kind: "queue", title: "sinds gisteren", href: "/1", since: at(-1) },
        { kind: "queue", title: "al een week", href: "/2", since: at(-7) },
        { kind: "queue", title: "al drie dagen", href: "/3", since: at(-3) },
      ]),
    ).toEqual(["al een week", "al drie dagen", "sinds gisteren"]);
  });

  it("shows the newest news first, however long ago older news came", () => {
    expect(
      titles([
        { kind: "case", title: "oud voorbeeld", href: "/1", since: at(-20) },
        { kind: "case", title: "nieuw voorbeeld", href: "/2", since: at(-1) },
        { kind: "thread", title: "reactie", href: "/3", since: at(-3) },
      ]),
    ).toEqual(["reactie", "nieuw voorbeeld", "oud voorbeeld"]);
  });

  it("lets a privacy request wait less than its month, but an overdue invoice never", () => {
    expect(
      titles([
        { kind: "privacy", title: "privacy", href: "/p", since: at(-25) },
        { kind: "cohort-setup", title: "groep", href: "/c", since: at(-1) },
        { kind: "invoice", title: "factuur", href: "/f", due: at(-1) },
      ]),
    ).toEqual(["factuur", "privacy", "groep"]);
  });

  it("is stable for equal lines and does not change its input", () => {
    const input: Todo[] = [
      { kind: "continue", title: "B", href: "/b" },
      { kind: "continue", title: "A", href: "/a" },
    ];
    expect(titles(input)).toEqual(["A", "B"]);
    expect(input.map((t) => t.title)).toEqual(["B", "A"]);
  });
});

describe("who is stuck, and who someone is", () => {
  it("flags silence of two weeks and late work, nothing else", () => {
    expect(stuckReasons({ late: 0, daysInactive: 13 })).toEqual([]);
    expect(stuckReasons({ late: 0, daysInactive: null })).toEqual([]);
    expect(stuckReasons({ late: 0, daysInactive: 14 })).toEqual(["14 dagen niets gedaan"]);
    expect(stuckReasons({ late: 2, daysInactive: 20 })).toEqual([
      "20 dagen niets gedaan",
      "2 opdrachten te laat ingeleverd",
    ]);
    expect(stuckReasons({ late: 1, daysInactive: 0 })).toEqual(["1 opdracht te laat ingeleverd"]);
  });

  it("calls a participant an alumnus only when nothing is active any more", () => {
    expect(audienceFrom("PARTICIPANT", ["ACTIVE"])).toBe("PARTICIPANT");
    expect(audienceFrom("PARTICIPANT", ["COMPLETED", "ACTIVE"])).toBe("PARTICIPANT");
    expect(audienceFrom("PARTICIPANT", ["COMPLETED"])).toBe("ALUMNUS");
    expect(audienceFrom("PARTICIPANT", ["APPLIED"])).toBe("APPLICANT");
    expect(audienceFrom("PARTICIPANT", [])).toBe("APPLICANT");
    expect(audienceFrom("TRAINER", [])).toBe("TRAINER");
  });
});
