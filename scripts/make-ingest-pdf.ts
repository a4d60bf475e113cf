// Makes tests/fixtures/ingest/tarsis-report.pdf by printing the FICTIONAL HTML test report in Chromium (as a reader
// saving a web page as PDF would), on small pages with a running header and page-numbered footer, so that the PDF
// reader's page-edge and hyphenation handling is tested on a real browser's PDF. Run: npx tsx scripts/make-ingest-pdf.ts
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/explorer-harness";
import { chromiumPath } from "./test-tools";

const FIXTURES = path.resolve("tests/fixtures/ingest");

const browser = await chromium.launch({ executablePath: chromiumPath(process.env), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.setContent(await readFile(path.join(FIXTURES, "tarsis-report.html"), "utf8"), { waitUntil: "load" });
  const pdf = await page.pdf({
    format: "A5",
    margin: { top: "22mm", bottom: "22mm", left: "14mm", right: "14mm" },
    displayHeaderFooter: true,
    headerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center">Tarsis: detention of journalists (fictional)</div>',
    footerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  });
  await writeFile(path.join(FIXTURES, "tarsis-report.pdf"), pdf);
  process.stdout.write(`wrote tests/fixtures/ingest/tarsis-report.pdf (${pdf.length} bytes)\n`);
} finally {
  await browser.close();
}
