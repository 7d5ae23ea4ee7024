// Opens GraphiQL in headless Chromium, pastes a token, runs the query given in the page's URL and prints what the
// result pane shows, as JSON. Usage: node graphiql.mjs <page url> <token> <expected text> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, token, expected, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const report = { requests: [], console: [], response: null };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => report.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => report.console.push(`pageerror: ${e.message}`));
  page.on('request', (r) => report.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#access-token').fill(token);
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.graphiql-response');
  await result.getByText(expected).waitFor({ timeout: 30_000 });
  report.response = await result.innerText();
  await page.screenshot({ path: screenshot });
} catch (e) {
  report.error = String(e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
process.exit(report.error ? 1 : 0);
