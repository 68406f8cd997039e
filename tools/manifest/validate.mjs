// Validates a Teams app manifest and its localization files offline, against the official JSON
// schemas bundled with @microsoft/app-manifest (never fetched from the network).
//
//   node tools/manifest/validate.mjs path/to/manifest.json
//
// Checks:
// - manifest.json against the schema named by its $schema (AppManifestUtils.validateAgainstSchema);
// - every localizationInfo file (additionalLanguages, defaultLanguageFile) against the
//   MicrosoftTeams.Localization schema of the same version, and that each of its keys names a
//   string that exists in the manifest (e.g. "bots[0].commandLists[0].commands[1].title");
// - the icon files and localization files exist next to the manifest.
//
// Prints every problem on stderr and exits 1 if there is any, 2 on a usage or setup error,
// 0 (printing "valid: ...") when all is well.

import { readFile, access } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`validate.mjs: ${message}`);
  process.exit(2);
}

let AppManifestUtils;
let schemaRoot;
try {
  ({ AppManifestUtils } = require("@microsoft/app-manifest"));
  const entry = require.resolve("@microsoft/app-manifest");
  schemaRoot = path.join(path.dirname(entry), "json-schemas");
} catch (error) {
  fail(`@microsoft/app-manifest is not installed (run make setup): ${error.message}`);
}

const SCHEMA_URL = new RegExp(
  "^https://developer\\.microsoft\\.com/(?:[a-z]{2}(?:-[a-z]{2})?/)?json-schemas/" +
    "(teams/v[0-9.]+|teams/vDevPreview)/([A-Za-z.]+\\.schema\\.json)$",
  "i",
);

// A "]" outside a character class is a literal in a plain JavaScript regular expression but a
// syntax error in the unicode mode that Ajv compiles patterns with; some official patterns
// (the Localization schema's "activities.activityTypes[...]" keys) have one. Escaping it keeps
// the meaning and lets the schema compile.
function escapeLoneBrackets(pattern) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === "\\") {
      out += char + (pattern[i + 1] ?? "");
      i += 1;
    } else if (char === "[" && !inClass) {
      inClass = true;
      out += char;
    } else if (char === "]") {
      out += inClass ? char : "\\]";
      inClass = false;
    } else {
      out += char;
    }
  }
  return out;
}

function unicodeSafe(node) {
  if (Array.isArray(node)) {
    return node.map(unicodeSafe);
  }
  if (node === null || typeof node !== "object") {
    return node;
  }
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "patternProperties") {
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([pattern, sub]) => [
          escapeLoneBrackets(pattern),
          unicodeSafe(sub),
        ]),
      );
    } else if (key === "pattern" && typeof value === "string") {
      copy[key] = escapeLoneBrackets(value);
    } else {
      copy[key] = unicodeSafe(value);
    }
  }
  return copy;
}

// The bundled copy of an official schema URL; refuses URLs that are not bundled.
async function bundledSchema(url) {
  const match = SCHEMA_URL.exec(url ?? "");
  if (!match) {
    return [null, `$schema ${JSON.stringify(url)} is not an official Teams schema URL`];
  }
  const file = path.join(schemaRoot, match[1], match[2]);
  try {
    const text = await readFile(file, "utf8");
    const schema = JSON.parse(text.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
    return [unicodeSafe(schema), null];
  } catch {
    return [null, `$schema ${url} is not bundled with @microsoft/app-manifest (offline only)`];
  }
}

async function readJson(file) {
  const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  return JSON.parse(text);
}

async function exists(file) {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

// "bots[0].commandLists[1].commands[2].title" -> the value at that path, or undefined.
function lookUp(object, key) {
  let value = object;
  for (const part of key.split(".")) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match || value === null || typeof value !== "object") {
      return undefined;
    }
    value = value[match[1]];
    for (const index of match[2].match(/\d+/g) ?? []) {
      value = Array.isArray(value) ? value[Number(index)] : undefined;
    }
  }
  return value;
}

async function main() {
  const manifestPath = process.argv[2];
  if (!manifestPath || process.argv.length > 3) {
    fail("usage: node tools/manifest/validate.mjs path/to/manifest.json");
  }
  const folder = path.dirname(path.resolve(manifestPath));
  const problems = [];

  let manifest;
  try {
    manifest = await readJson(manifestPath);
  } catch (error) {
    console.error(`manifest.json: cannot read: ${error.message}`);
    process.exit(1);
  }

  const [schema, schemaProblem] = await bundledSchema(manifest.$schema);
  if (schemaProblem) {
    problems.push(`manifest.json: ${schemaProblem}`);
  } else {
    for (const error of await AppManifestUtils.validateAgainstSchema(manifest, schema)) {
      problems.push(`manifest.json: ${error}`);
    }
  }

  for (const icon of Object.values(manifest.icons ?? {})) {
    if (typeof icon === "string" && !(await exists(path.join(folder, icon)))) {
      problems.push(`manifest.json: icon ${icon} is missing`);
    }
  }

  const info = manifest.localizationInfo ?? {};
  const files = (info.additionalLanguages ?? []).map((language) => language.file);
  if (info.defaultLanguageFile) {
    files.push(info.defaultLanguageFile);
  }
  const localizationUrl = (manifest.$schema ?? "").replace(
    /MicrosoftTeams\.schema\.json$/,
    "MicrosoftTeams.Localization.schema.json",
  );
  for (const file of files) {
    let strings;
    try {
      strings = await readJson(path.join(folder, file));
    } catch (error) {
      problems.push(`${file}: cannot read: ${error.message}`);
      continue;
    }
    const [localizationSchema, problem] = await bundledSchema(strings.$schema ?? localizationUrl);
    if (problem) {
      problems.push(`${file}: ${problem}`);
      continue;
    }
    for (const error of await AppManifestUtils.validateAgainstSchema(strings, localizationSchema)) {
      problems.push(`${file}: ${error}`);
    }
    const ownKeys = new Set(["$schema", "localizationKeys"]);
    for (const key of Object.keys(strings)) {
      if (!ownKeys.has(key) && typeof lookUp(manifest, key) !== "string") {
        problems.push(`${file}: ${key} does not name a string in manifest.json`);
      }
    }
  }

  if (problems.length > 0) {
    for (const problem of problems) {
      console.error(problem);
    }
    process.exit(1);
  }
  console.log(
    `valid: ${manifestPath} (${manifest.$schema}) and ${files.length} localization file(s)`,
  );
}

main().catch((error) => fail(error.stack ?? String(error)));
