// Checks Adaptive Cards with Microsoft's own JavaScript library (adaptivecards 3.0.6), as Teams
// would parse them, in plain Node (no browser).
//
//   node tools/cards/validate.mjs CARDS.json      (a JSON object {name: card}; "-" reads stdin)
//
// Prints a JSON report {name: [problem, ...]} for every card and exits 1 when any card has a
// problem (2 when the input cannot be read). A problem is a parse event or a validateProperties()
// failure of the library: unknown element or action types, invalid enum values (for schema 1.5,
// the version Teams renders), duplicate ids, required inputs without a label or an error
// message, too many actions for the host, an unsupported card version. The library ignores
// unknown properties and an Image without a url: tests/support/cards_check.py checks those.
//
// teams-hostconfig.json beside this file is the host config of the Adaptive Cards designer's
// "Microsoft Teams - Light" container (Segoe UI, interactivity on, at most 6 actions).

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The ESM entry of the package does not import in Node; the UMD bundle does.
const AC = require("adaptivecards/dist/adaptivecards.min.js");

// Teams renders Adaptive Cards up to 1.5.
export const TEAMS_MAX_VERSION = AC.Versions.v1_5;

export function teamsHostConfig() {
  const json = JSON.parse(fs.readFileSync(path.join(here, "teams-hostconfig.json"), "utf8"));
  return new AC.HostConfig(json);
}

function eventName(event) {
  return AC.ValidationEvent[event] ?? `Event${event}`;
}

function ownerName(owner) {
  if (!owner || typeof owner.getJsonTypeName !== "function") return "";
  const id = owner.id ? `#${owner.id}` : "";
  return `${owner.getJsonTypeName()}${id}: `;
}

/** Every problem the library sees in one card, as readable strings. */
export function cardProblems(json, hostConfig = teamsHostConfig()) {
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    return ["MissingCardType: the card is not a JSON object"];
  }
  const problems = [];
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  const context = new AC.SerializationContext(TEAMS_MAX_VERSION);
  try {
    card.parse(json, context);
  } catch (error) {
    return [`Other: the library could not parse the card (${error.message})`];
  }
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${eventName(e.event)}: ${ownerName(e.source)}${e.message}`);
  }
  const results = card.validateProperties();
  for (const e of results.validationEvents) {
    problems.push(`${eventName(e.event)}: ${ownerName(e.source)}${e.message}`);
  }
  const version = AC.Version.parse(json.version, new AC.SerializationContext());
  if (!version || !version.isValid) {
    problems.push(`UnsupportedCardVersion: "${json.version}" is not a card version`);
  } else if (version.compareTo(TEAMS_MAX_VERSION) > 0) {
    problems.push(
      `UnsupportedCardVersion: version ${json.version} is above ${TEAMS_MAX_VERSION}, ` +
        "the highest Teams renders",
    );
  }
  return [...new Set(problems)];
}

function readInput(file) {
  const text = file === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(file, "utf8");
  const cards = JSON.parse(text);
  if (!cards || typeof cards !== "object" || Array.isArray(cards)) {
    throw new Error("expected a JSON object {name: card}");
  }
  return cards;
}

function main(argv) {
  if (argv.length !== 1) {
    process.stderr.write("usage: node tools/cards/validate.mjs CARDS.json\n");
    return 2;
  }
  let cards;
  try {
    cards = readInput(argv[0]);
  } catch (error) {
    process.stderr.write(`validate: cannot read ${argv[0]}: ${error.message}\n`);
    return 2;
  }
  const hostConfig = teamsHostConfig();
  const report = {};
  for (const [name, card] of Object.entries(cards)) {
    report[name] = cardProblems(card, hostConfig);
  }
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  return Object.values(report).some((p) => p.length > 0) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
