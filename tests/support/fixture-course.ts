// The course the integration and security tests read: small, stable and made for them, so that editing the real
// course in content/ never breaks a test about grading or peer review. It has what those tests need: five modules,
// one assignment each, every peer-review anonymity and one assignment without peer review.
import path from "node:path";

export const FIXTURE_COURSE = path.resolve("tests/integration/fixtures/course");
