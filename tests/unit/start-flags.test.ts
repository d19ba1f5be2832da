// The servers the tests and the bench start run with the Node flags of `npm start`, so what they measure is what
// runs in production.
import fs from "node:fs";
import { expect, it } from "vitest";
import { START_NODE_FLAGS } from "../support/server";

it("starts test servers with the Node flags of npm start", () => {
  const scripts = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  const flags = /\bnode ((?:--\S+ )*)build\/start\.js/
    .exec(scripts.start ?? "")?.[1]
    ?.trim()
    .split(" ");
  expect(flags).toEqual(START_NODE_FLAGS);
});
