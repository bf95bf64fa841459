// The public pages in Debian's headless Chromium, at each width: a full-page
// screenshot, axe-core at WCAG 2.2 AA, and every text element's font.
//
// Input on stdin, JSON: {"pages": [{"name", "url"} | {"name", "html", "origin"}], "widths": [360, 1280],
//                        "out": "/path/to/screenshots", "axe": {options for axe.run},
//                        "cookies": [{name, value, url}] (an editor's session, for admin pages)}
// A page may also carry "widths" (its own), "audit": false (no axe or font check:
// Wagtail's admin is not ours to audit), "click": [selectors, clicked in order
// before the screenshot], "submit": a submit button's selector (the form is sent and
// the page it leads to is the one shot), "settle": milliseconds
// to let Chromium's own PDF viewer draw a PDF (it has no DOM to wait for), "media":
// "print" (the page as printed, with the print stylesheet) and
// "probe": [selectors whose visibility is reported].
// Output on stdout, JSON: [{"name", "width", "screenshot", "violations": [{id, help, targets}],
//                           "fallbackFonts": [{"tag", "fontFamily", "text"}], "overflow",
//                           "visible": {selector: bool}, "texts": {selector: text}, "error"}]
// playwright-core and axe-core come from toegankelijkheid/browser/node_modules
// (scripts/browser-deps); nothing is downloaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../../toegankelijkheid/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const input = JSON.parse(readFileSync(0, 'utf8'));

// Every element with its own text whose first font family is not a loaded
// web font: it shows in whatever the browser falls back to (its default serif).
function fontsInUse() {
  const loaded = new Set();
  for (const face of document.fonts) {
    if (face.status === 'loaded') loaded.add(face.family.replace(/["']/g, ''));
  }
  const fallbacks = [];
  for (const element of document.body.querySelectorAll('*')) {
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim(),
    );
    if (!ownText || element.closest('[hidden], script, style, noscript')) continue;
    const family = getComputedStyle(element).fontFamily;
    const first = family.split(',')[0].trim().replace(/["']/g, '');
    if (!loaded.has(first)) {
      fallbacks.push({ tag: element.tagName.toLowerCase(), fontFamily: family, text: element.textContent.trim().slice(0, 40) });
    }
  }
  return fallbacks;
}

// An editor's Controle tab loads after the page (publicatie/static/publicatie/controle.js)
// and stores the verdict: wait for it, so no request of this page still writes while
// the next step (a submit, the next page) does.
async function controleLoaded(page) {
  await page.waitForFunction(() => !document.querySelector('[data-controle][aria-busy]'), null, {
    timeout: 120000,
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const results = [];
try {
  const widths = [...new Set([...input.widths, ...input.pages.flatMap((p) => p.widths || [])])];
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    if (input.cookies) await context.addCookies(input.cookies);
    for (const item of input.pages) {
      if (!(item.widths || input.widths).includes(width)) continue;
      const page = await context.newPage();
      const result = { name: item.name, width };
      try {
        if (item.media) await page.emulateMedia({ media: item.media });
        if (item.url) await page.goto(item.url, { waitUntil: 'load', timeout: 30000 });
        else {
          // On the hub's origin first, so its fonts and stylesheets load for the HTML too.
          if (item.origin) await page.goto(item.origin, { waitUntil: 'load', timeout: 30000 });
          await page.setContent(item.html, { waitUntil: 'load', timeout: 30000 });
        }
        await page.evaluate(() => document.fonts.ready);
        await controleLoaded(page);
        for (const selector of item.click || []) await page.click(selector, { timeout: 10000 });
        if (item.submit) {
          // A button in a closed menu: pressed the way the form would submit it.
          await Promise.all([
            page.waitForNavigation({ waitUntil: 'load', timeout: 60000 }),
            page.evaluate((selector) => document.querySelector(selector).click(), item.submit),
          ]);
        }
        await controleLoaded(page);
        if (item.settle) await page.waitForTimeout(item.settle);
        if (item.probe) {
          result.visible = {};
          result.texts = {};
          for (const selector of item.probe) {
            const element = page.locator(selector).first();
            result.visible[selector] = (await element.count()) > 0 && (await element.isVisible());
            result.texts[selector] = (await element.count()) > 0 ? await element.innerText() : '';
          }
        }
        result.screenshot = join(input.out, `${item.name}-${width}.png`);
        await page.screenshot({ path: result.screenshot, fullPage: true });
        if (item.audit === false) {
          result.violations = [];
          result.fallbackFonts = [];
          result.overflow = false;
        } else {
          result.fallbackFonts = await page.evaluate(fontsInUse);
          result.overflow = await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
          );
          await page.addScriptTag({ content: axeSource });
          const outcome = await page.evaluate((options) => window.axe.run(document, options), input.axe || {});
          result.violations = outcome.violations.map((v) => ({
            id: v.id,
            help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
          }));
        }
      } catch (error) {
        result.error = String(error);
      } finally {
        await page.close();
      }
      results.push(result);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
