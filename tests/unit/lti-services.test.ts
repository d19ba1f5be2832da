import { describe, expect, it } from "vitest";
import { releaseScore, scoresUrl } from "~/lti/services";

describe("AGS scores", () => {
  it("appends /scores to the line item's path and keeps its query string", () => {
    expect(scoresUrl("https://lms.test/api/lti/courses/7/line_items/3?type_id=7")).toBe(
      "https://lms.test/api/lti/courses/7/line_items/3/scores?type_id=7",
    );
    expect(scoresUrl("https://lms.test/mod/lti/services.php/2/lineitems/9/lineitem?type_id=1")).toBe(
      "https://lms.test/mod/lti/services.php/2/lineitems/9/lineitem/scores?type_id=1",
    );
    expect(scoresUrl("https://lms.test/lineitems/4/")).toBe("https://lms.test/lineitems/4/scores");
  });

  it("gives the rubric total, and the decision in the comment and progress", () => {
    const rubric = [
      { id: "a", levels: [{ score: 1 }, { score: 2 }, { score: 4 }] },
      { id: "b", levels: [{ score: 0 }, { score: 3 }] },
    ];
    expect(releaseScore(rubric, { a: 2, b: 3 }, "voldaan")).toEqual({
      scoreGiven: 5,
      scoreMaximum: 7,
      comment: "voldaan",
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
    });
    expect(releaseScore(rubric, { a: 1, b: 0 }, "niet-voldaan").comment).toBe("niet voldaan");
    expect(releaseScore(rubric, { a: 1 }, "herziening")).toMatchObject({
      scoreGiven: 1,
      activityProgress: "InProgress",
      gradingProgress: "Pending",
    });
  });
});
