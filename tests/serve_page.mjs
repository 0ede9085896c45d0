// The page `plainly serve` shows at `/`, driven in headless Chromium as a person uses it:
// type a draft, wait for an underline, apply a fix with one click, see the finding go.
// Run by tests/serve.rs as `node tests/serve_page.mjs URL SCREENSHOT` with NODE_PATH
// pointing at a folder that has playwright-core; prints "ok" at the end.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), "x.js"));
const { chromium } = require("playwright-core");

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  await page.goto(url);
  // The label names the textarea: find it the way a screen reader would.
  const draft = page.getByRole("textbox", { name: "Your draft" });
  await draft.click();
  await draft.pressSequentially(
    "Hi team 👋, can you review the pricing deck ASAP? We can circle back on the numbers at 3pm.",
    { delay: 5 });
  await page.locator("#mirror mark").first().waitFor();
  const marked = await page.locator("#mirror mark").allTextContents();
  if (!marked.includes("ASAP")) throw new Error("no underline on ASAP: " + JSON.stringify(marked));
  const score = await page.locator("#score-value").textContent();
  if (!/^\d+$/.test(score)) throw new Error("no score: " + score);
  await page.screenshot({ path: screenshot });
  // One click applies a fix; the text changes and the finding goes.
  await page.getByRole("button", { name: /Replace with “today, by/ }).click();
  const text = await draft.inputValue();
  if (text.includes("ASAP")) throw new Error("the fix did not apply: " + text);
  // The fix clears the underlines; they come back when the new text is checked.
  await page.waitForFunction(() => document.querySelectorAll("#mirror mark").length > 0
    && !document.getElementById("status").textContent.startsWith("Checking"));
  const after = await page.locator("#mirror mark").allTextContents();
  if (after.includes("ASAP")) throw new Error("ASAP is still underlined: " + JSON.stringify(after));
  console.log("marked before:", JSON.stringify(marked), "score:", score);
  console.log("after the fix:", JSON.stringify(text));
  console.log("ok");
} finally {
  await browser.close();
}
