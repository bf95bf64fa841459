// Run axe-core in Debian's headless Chromium (playwright-core, executablePath /usr/bin/chromium).
//
// Input on stdin, JSON: {"pages": [{"name": "...", "url": "http://..."} | {"name": "...", "html": "<...>"}],
//                        "axe": {runOnly: ..., rules: ...}}   (options for axe.run; optional)
// Output on stdout, JSON: [{"name", "violations": [{"id", "tags", "impact", "nodes": [{"target", "html"}]}],
//                           "passes": [rule ids], "error"}]
// Nothing is downloaded: the browser is Debian's, axe-core comes from node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const input = JSON.parse(readFileSync(0, 'utf8'));
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const results = [];
try {
  const context = await browser.newContext();
  for (const item of input.pages) {
    const page = await context.newPage();
    try {
      if (item.url) {
        await page.goto(item.url, { waitUntil: 'load', timeout: 30000 });
      } else {
        await page.setContent(item.html, { waitUntil: 'load', timeout: 30000 });
      }
      await page.addScriptTag({ content: axeSource });
      const outcome = await page.evaluate(
        (options) => window.axe.run(document, options),
        input.axe || {},
      );
      results.push({
        name: item.name,
        violations: outcome.violations.map((v) => ({
          id: v.id,
          tags: v.tags,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
        })),
        passes: outcome.passes.map((p) => p.id),
        axeVersion: outcome.testEngine.version,
      });
    } catch (error) {
      results.push({ name: item.name, error: String(error) });
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
