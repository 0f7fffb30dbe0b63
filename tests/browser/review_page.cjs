// Drives the review page in Debian's Chromium through playwright-core: the queue, the page with its
// boxes, a field corrected with the keyboard, another accepted, the page reloaded and the decisions seen
// again; a file name holding HTML shown as text. Writes a screenshot.
//   node review_page.cjs NODE_MODULES BASE_URL SCREENSHOT
"use strict";
const path = require("path");
const [nodeModules, base, screenshot] = process.argv.slice(2);
const { chromium } = require(path.join(nodeModules, "playwright-core"));

function check(condition, message) {
  if (!condition) throw new Error("check failed: " + message);
  console.log("ok - " + message);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("dialog", (dialog) => { errors.push("a dialog opened: " + dialog.message()); dialog.dismiss(); });

    await page.goto(base + "/review");
    await page.waitForSelector("#queue li");
    const queued = await page.locator("#queue li").count();
    check(queued >= 2, "the queue lists the documents to review (" + queued + ")");

    // The page and the boxes of its fields, coloured by confidence.
    await page.waitForFunction(() => document.getElementById("page-image").naturalWidth > 0);
    await page.waitForSelector("#boxes polygon");
    const boxes = await page.locator("#boxes polygon").count();
    check(boxes >= 3, "the page shows the fields' boxes (" + boxes + ")");
    const stroke = await page.locator("#boxes polygon").first().getAttribute("stroke");
    check(/^hsl\(/.test(stroke), "a box is coloured by its confidence (" + stroke + ")");

    // Correct the selected (first pending) field with the keyboard, then accept the next one.
    const documentId = await page.locator("#queue li.open").getAttribute("data-id");
    const field = await page.locator("#fields li.selected").getAttribute("data-field");
    await page.keyboard.press("e");
    const input = page.locator("#fields li.selected input");
    await input.fill("测试改正");
    await input.press("Enter");
    await page.waitForSelector(`#fields li[data-field="${field}"] .note:has-text("edit by local")`);
    check(true, "the correction of " + field + " is saved");
    const next = await page.locator("#fields li.selected").getAttribute("data-field");
    await page.keyboard.press("a");
    await page.waitForSelector(`#fields li[data-field="${next}"] .note:has-text("accept by local")`);
    check(true, "the field " + next + " is accepted with the keyboard");

    // Reload: the decisions come back from the server.
    await page.goto(base + "/review#" + documentId);
    await page.reload();
    await page.waitForSelector(`#fields li[data-field="${field}"] .note:has-text("edit by local")`);
    const value = await page.locator(`#fields li[data-field="${field}"] input`).inputValue();
    check(value === "测试改正", "after a reload the corrected value is there (" + value + ")");

    // A file name holding HTML is shown as text, never run.
    const names = await page.locator("#queue").textContent();
    check(names.includes("<img src=x onerror=alert(1)>"), "a file name with HTML is shown as text");
    check((await page.locator("#queue img").count()) === 0, "no element was made from it");

    await page.screenshot({ path: screenshot, fullPage: true });
    check(errors.length === 0, "no script errors or dialogs (" + errors.join("; ") + ")");
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
