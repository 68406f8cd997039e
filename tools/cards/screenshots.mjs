// Renders Adaptive Cards with Microsoft's JavaScript renderer (adaptivecards 3.0.6) inside
// Debian's headless Chromium, and writes one PNG per card, cropped to the card.
//
//   node tools/cards/screenshots.mjs CARDS.json OUT_DIR      (CARDS.json: {name: card})
//
// The page is local: the renderer and its stylesheet are loaded from node_modules, every
// network request is refused, and Chromium gets a fresh, empty profile. Cards use the Teams
// light host config beside this file, in a message bubble about as wide as in Teams' chat
// (500 px), on Teams' light background. Teams' own markdown subset (bold, italic, lists,
// links) is rendered by a small function below, as Teams does it.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const AC_DIST = path.dirname(require.resolve("adaptivecards/dist/adaptivecards.min.js"));
const CARD_WIDTH = 500;

// Teams' light theme around the card: chat background, a white message bubble, its buttons.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cards</title>
<style>
  html, body { margin: 0; background: #f5f5f5; }
  body { padding: 16px; font-family: "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; }
  #frame { display: inline-block; width: ${CARD_WIDTH}px; background: #ffffff;
    border-radius: 6px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.14), 0 0 2px rgba(0, 0, 0, 0.12);
    overflow: hidden; }
  #frame .ac-adaptiveCard:focus { outline: none; }
  #frame .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600;
    min-height: 32px; padding: 4px 12px; border-radius: 4px; border: 1px solid #e1dfdd;
    background: #ffffff; color: #252424; }
  #frame .ac-pushButton.style-positive,
  #frame .ac-pushButton.primary { background: #6264a7; border-color: #6264a7; color: #ffffff; }
  #frame .ac-pushButton.style-destructive { color: #c4314b; }
  #frame .ac-pushButton.expanded { background: #edebe9; }
  #frame .ac-pushButton.expandable:after { font-family: inherit; font-size: 12px;
    content: "\\25BE"; margin-left: 6px; }
  #frame .ac-pushButton.expandable.expanded:after { content: "\\25B4"; }
  #frame .ac-input { font-family: inherit; font-size: 14px; }
  #frame select.ac-input, #frame input.ac-input { min-height: 32px; box-sizing: border-box;
    border: 1px solid #e1dfdd; border-radius: 4px; background: #ffffff; padding: 4px 8px; }
  #frame ul, #frame ol { margin: 0; padding-left: 20px; }
  #frame p { margin: 0; }
</style></head>
<body><div id="frame"></div></body></html>`;

function renderInPage({ card, hostConfig }) {
  const AC = window.AdaptiveCards;
  const escape = (s) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const inline = (s) =>
    escape(s)
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|\W)_(.+?)_(?=\W|$)/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const html = [];
    let list = null;
    for (const line of text.split("\n")) {
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) {
        if (!list) html.push((list = "<ul>"));
        html.push(`<li>${inline(item[1])}</li>`);
        continue;
      }
      if (list) html.push("</ul>"), (list = null);
      html.push(`<p>${inline(line)}</p>`);
    }
    if (list) html.push("</ul>");
    result.outputHtml = html.join("");
    result.didProcess = true;
  };
  const frame = document.getElementById("frame");
  frame.replaceChildren();
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig(hostConfig);
  adaptive.onExecuteAction = () => {};
  adaptive.parse(card);
  const element = adaptive.render();
  if (!element) throw new Error("the renderer returned nothing");
  frame.appendChild(element);
  return frame.getBoundingClientRect().height;
}

async function renderAll(named, { hostConfig, outDir }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-cards-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: CARD_WIDTH + 64, height: 800 },
    deviceScaleFactor: 2,
    offline: true,
  });
  let failures = 0;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith("data:") || url.startsWith("about:") ? route.continue() : route.abort();
    });
    page.on("pageerror", (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.setContent(PAGE);
    await page.addStyleTag({ path: path.join(AC_DIST, "adaptivecards.css") });
    await page.addScriptTag({ path: path.join(AC_DIST, "adaptivecards.min.js") });
    for (const [name, card] of named) {
      try {
        await page.evaluate(renderInPage, { card, hostConfig });
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(outDir, `${name}.png`);
        await page.locator("#frame").screenshot({ path: file, animations: "disabled" });
        process.stdout.write(`${file}\n`);
        // A card with a button that opens more (Action.ShowCard): also as it looks opened,
        // e.g. "booking-confirmed.nl" gives "booking-confirmed-opened.nl.png".
        const opener = page.locator("#frame .ac-pushButton.expandable").first();
        if (await opener.count()) {
          await opener.click();
          const dot = name.lastIndexOf(".");
          const opened = dot > 0 ? `${name.slice(0, dot)}-opened${name.slice(dot)}` : `${name}-opened`;
          const openedFile = path.join(outDir, `${opened}.png`);
          await page.locator("#frame").screenshot({ path: openedFile, animations: "disabled" });
          process.stdout.write(`${openedFile}\n`);
        }
      } catch (error) {
        failures += 1;
        process.stderr.write(`${name}: ${error.message}\n`);
      }
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return failures;
}

async function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write("usage: node tools/cards/screenshots.mjs CARDS.json OUT_DIR\n");
    return 2;
  }
  const [input, outDir] = argv;
  const cards = JSON.parse(fs.readFileSync(input, "utf8"));
  const hostConfig = JSON.parse(fs.readFileSync(path.join(here, "teams-hostconfig.json"), "utf8"));
  // The published Teams font first; the page falls back to what the machine has.
  hostConfig.fontFamily = `"Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif`;
  fs.mkdirSync(outDir, { recursive: true });

  const failures = await renderAll(Object.entries(cards), { hostConfig, outDir });
  return failures ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
