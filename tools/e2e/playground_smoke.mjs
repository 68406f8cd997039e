// Smoke test of the local Teams client: opens the Microsoft 365 Agents Playground's web page in
// Debian's headless Chromium, types "book me a desk Thursday" in the chat box, waits until the
// bot's booking card is rendered ("Desk booked") and saves a screenshot of the window.
//
//   node tools/e2e/playground_smoke.mjs PLAYGROUND_URL SCREENSHOT.png
//
// Exits 0 when the card was shown; 1 otherwise, with the reason on stderr and a screenshot of
// the page as it was; 2 on bad usage.
// The playground and the bot must already run (tests/e2e starts both). Chromium gets a fresh,
// empty profile; the page's font and animation downloads from a CDN fail offline, harmlessly.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

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
const MESSAGE = "book me a desk Thursday";
const BOOKED = "Desk booked";
const TIMEOUT_MS = Number(process.env.SMOKE_TIMEOUT_MS || 30000);

async function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write("usage: node tools/e2e/playground_smoke.mjs PLAYGROUND_URL OUT.png\n");
    return 2;
  }
  const [url, screenshot] = argv;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "werkplek-playground-"));
  let context;
  let page;
  let step = "starting Chromium";
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1100, height: 800 },
    });
    context.setDefaultTimeout(TIMEOUT_MS);
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => process.stderr.write(`page error: ${error.message}\n`));

    step = `opening ${url}`;
    await page.goto(url);
    // The page adds the app to the personal chat when it opens; the bot's welcome card shows
    // that the conversation is set up, and keeps the screenshot's order stable.
    step = "waiting for the bot's welcome card";
    await page.getByText("Welcome to Werkplek").first().waitFor();

    step = "typing in the chat box";
    const box = page.locator('[role="textbox"][contenteditable="true"]').first();
    await box.click();
    await page.keyboard.type(MESSAGE);
    await page.keyboard.press("Enter");

    step = `waiting for the booking card ("${BOOKED}")`;
    const card = page.getByText(BOOKED).first();
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.evaluate(() => document.activeElement?.blur()); // no focus ring on the chat box
    await page.evaluate(() => document.fonts.ready);

    step = `saving ${screenshot}`;
    fs.mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });
    await page.screenshot({ path: screenshot, animations: "disabled" });
    process.stdout.write(`booking card shown; screenshot ${screenshot}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`playground smoke test failed while ${step}: ${error.message}\n`);
    if (page) {
      // what the page showed instead, for diagnosis
      await page.screenshot({ path: screenshot }).catch(() => {});
      process.stderr.write(`the page as it was: ${screenshot}\n`);
    }
    return 1;
  } finally {
    await context?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
