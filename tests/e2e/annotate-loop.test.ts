// The whole authoring loop in Chromium: a copy of the bundled data, a report ingested into it, `serve --edit` with a
// token; the explorer opened with the token in its fragment reviews the suggestions (accept one, reject one, undo,
// by key), makes a new claim of a passage selected in the source reader (with a new node; a refused write first,
// then a 409 from another writer), and a path question answers with the new claim's quote. The YAML and the edit log
// are read back at the end.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ingestReport } from "../../src/ingest/ingest-report";
import { BRIEF, EDIT_TOKEN } from "../helpers/edit-server";
import { startEditModeExplorer, type EditModeExplorer } from "./edit-mode-explorer";
import { ARTIFACTS, waitForGraph } from "./explorer-harness";

const REPORT = "veloria";
const auth = { Authorization: `Bearer ${EDIT_TOKEN}` };
// Each write reloads the data folder and redraws the graph: wait for its effects, however busy the machine.
const WAIT = { timeout: 30_000 };

let explorer: EditModeExplorer;
let data: { dataDir: string };
// The server's address stays across a restart (the same port).
const server = {
  get url() {
    return explorer.url;
  },
};
let browser: Browser;
let page: Page;
let errors: string[];

interface ListedClaim {
  ids: string[];
  record: { type: string; source: string; target: string; status?: string; evidence: { quote: string } };
}

async function listed(
  sourceId: string,
): Promise<{ etag: string; nodes: { id: string; record: { status?: string } }[]; claims: ListedClaim[] }> {
  return (await fetch(`${server.url}/api/edit/sources/${sourceId}`, { headers: auth })).json();
}

function graphYaml(sourceId: string): { nodes?: Record<string, unknown>[]; edges: Record<string, unknown>[] } {
  return parseYaml(readFileSync(path.join(data.dataDir, "sources", sourceId, "graph.yaml"), "utf8"));
}

/** Selects the rendered text of the reader from `from` (a node and offset) to `to`, as a drag of the mouse would. */
async function selectInReader(
  from: { selector: string; text: string; offset: number },
  to: { selector: string; text: string; offset: number | "end" },
): Promise<void> {
  await page.evaluate(
    ([a, b]) => {
      const textNode = (p: { selector: string; text: string }): Text => {
        const root = document.querySelector(".reader .source-text")!;
        for (const el of root.querySelectorAll(p.selector)) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode())
            if (n.textContent!.includes(p.text)) return n as Text;
        }
        throw new Error(`no text "${p.text}" in ${p.selector}`);
      };
      const start = textNode(a!);
      const end = textNode(b!);
      const range = document.createRange();
      range.setStart(start, start.textContent!.indexOf(a!.text) + (a!.offset as number));
      range.setEnd(end, b!.offset === "end" ? end.length : end.textContent!.indexOf(b!.text) + (b!.offset as number));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [from, to] as const,
  );
}

beforeAll(async () => {
  explorer = await startEditModeExplorer({
    prefix: "rightsgraph-annotate-e2e",
    viewport: { width: 1440, height: 900 },
    prepare: async (dataDir) => {
      cpSync(
        path.resolve("tests/fixtures/ingest/corpus/entities/fictional.yaml"),
        path.join(dataDir, "entities/fictional.yaml"),
      );
      await ingestReport(path.resolve("tests/fixtures/ingest/veloria-notes.md"), { dataDir, meta: { id: REPORT } });
    },
  });
  ({ browser, page, errors } = explorer);
  data = { dataDir: explorer.dataDir };
}, 240_000);

afterAll(() => explorer?.close());

/** Opens the report in the reader and selects "Mirel called on Veloria … foreign agents" (all but its full stop). */
async function selectMirelSentence(): Promise<string> {
  await page.getByRole("combobox", { name: "Source to read" }).selectOption(REPORT);
  const sentence =
    "Mirel called on Veloria to release the detained activists and to repeal the 2020 law on foreign agents";
  await page.locator(".reader .source-text", { hasText: sentence }).waitFor();
  await selectInReader(
    { selector: "*", text: "Mirel called on Veloria", offset: 0 },
    { selector: "*", text: "law on foreign agents", offset: "law on foreign agents".length },
  );
  return sentence;
}

/** Asks the path finder how `from` is connected to `to`, each picked from the search box's suggestions. */
async function askPath(from: string, to: string): Promise<void> {
  await page.getByRole("tab", { name: "Paths" }).click();
  for (const [field, name] of [
    ["From", from],
    ["To", to],
  ] as const) {
    const input = page.getByLabel(field, { exact: true });
    await input.fill(name);
    const list = page.locator(`#${await input.getAttribute("aria-controls")}`);
    await list.waitFor({ state: "visible" });
    await input.press("Escape");
  }
  await page.locator("form.path-form").evaluate((form) => (form as HTMLFormElement).requestSubmit());
}

describe("the authoring loop in the browser", () => {
  it("takes the token from the fragment into session storage and out of the address", { timeout: 60_000 }, async () => {
    await page.goto(`${server.url}/#token=${EDIT_TOKEN}`);
    await waitForGraph(page);
    await page.getByRole("tab", { name: "Review" }).waitFor();
    expect(page.url()).not.toContain("token");
    expect(page.url()).not.toContain(EDIT_TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem("rightsgraph-edit-token"))).toBe(EDIT_TOKEN);
    expect(await page.evaluate(() => document.cookie)).toBe("");
    await page.getByRole("tab", { name: "Annotate" }).waitFor();
  });

  it(
    "reviews suggestions by key: accept, reject, undo, with the counts of what is left",
    { timeout: 90_000 },
    async () => {
      const report = await listed(REPORT);
      const nodes = report.nodes.filter((n) => n.record.status === "suggested");
      const claims = report.claims.filter((c) => c.record.status === "suggested");
      const total = nodes.length + claims.length;
      // The document comes first: the loader takes no reviewed claim of a source whose document is suggested.
      expect(nodes[0]!.id).toBe("doc:source:veloria");
      const detained = claims.find((c) => c.record.type === "detained")!;
      const memberOf = claims.find((c) => c.record.type === "member-of")!;

      await page.getByRole("tab", { name: "Review" }).click();
      await page.getByLabel("Source to review").selectOption(REPORT);
      const counts = page.locator(".review-counts");
      await expect.poll(() => counts.textContent(), WAIT).toBe(`${total} suggestions left`);
      const item = (id: string) => page.locator(`.review-item[data-claim="${id}"]`);
      expect(await item(detained.ids[0]!).locator("mark").textContent()).toBe(detained.record.evidence.quote);
      const list = page.getByRole("listbox", { name: "Suggested claims" });
      await list.focus();
      await page.keyboard.press("a");
      await expect
        .poll(() => counts.textContent(), WAIT)
        .toBe(`${total - 1} suggestions left (1 accepted, 0 rejected here)`);

      await item(detained.ids[0]!).click();
      await list.focus();
      // j and k move through the list; the one in front is aria-selected.
      const selected = () => page.locator(".review-item[aria-selected=true]").getAttribute("data-claim");
      await page.keyboard.press("j");
      await expect.poll(selected, WAIT).not.toBe(detained.ids[0]);
      await page.keyboard.press("k");
      await expect.poll(selected, WAIT).toBe(detained.ids[0]);
      // The quote of the claim in front is shown in the source reader.
      await expect
        .poll(() => page.locator(".reader .evidence-mark").textContent(), WAIT)
        .toBe(detained.record.evidence.quote);
      await page.screenshot({ path: path.join(ARTIFACTS, "annotate-01-review-queue.png") });
      await page.keyboard.press("a");
      await expect
        .poll(() => counts.textContent(), WAIT)
        .toBe(`${total - 2} suggestions left (2 accepted, 0 rejected here)`);

      await item(memberOf.ids[0]!).click();
      await list.focus();
      await page.keyboard.press("r");
      await expect
        .poll(() => counts.textContent(), WAIT)
        .toBe(`${total - 3} suggestions left (2 accepted, 1 rejected here)`);
      await page.keyboard.press("u");
      await expect
        .poll(() => counts.textContent(), WAIT)
        .toBe(`${total - 2} suggestions left (2 accepted, 0 rejected here)`);
      await item(memberOf.ids[0]!).click();
      await list.focus();
      await page.keyboard.press("r");
      await expect
        .poll(() => counts.textContent(), WAIT)
        .toBe(`${total - 3} suggestions left (2 accepted, 1 rejected here)`);

      const stored = graphYaml(REPORT);
      const statusOf = (claim: ListedClaim) =>
        stored.edges.find(
          (e) => e.type === claim.record.type && e.source === claim.record.source && e.target === claim.record.target,
        )?.status;
      expect(stored.nodes?.find((n) => n.id === "doc:source:veloria")?.status).toBe("reviewed");
      expect(statusOf(detained)).toBe("reviewed");
      expect(statusOf(memberOf)).toBe("rejected");
      expect(claims.filter((c) => statusOf(c) === "suggested")).toHaveLength(claims.length - 2);
    },
  );

  it(
    "maps a selection across an endnote marker and italics to its exact raw offsets",
    { timeout: 60_000 },
    async () => {
      await page.getByRole("combobox", { name: "Source to read" }).selectOption(BRIEF);
      await page.locator(".reader .source-text .endnote-label#endnote-ii").waitFor();
      const raw = (await (await fetch(`${server.url}/api/sources/${BRIEF}`)).json()).text as string;
      // From the endnote's own marker "ⁱⁱ" to the end of the italic "*Reuters*".
      await selectInReader(
        { selector: "#endnote-ii", text: "ii", offset: 0 },
        { selector: "em", text: "Reuters", offset: "end" },
      );
      const start = raw.indexOf("ⁱⁱ S/PV.8682");
      const end = raw.indexOf("*Reuters*") + "*Reuters*".length;
      const newClaim = page.getByRole("button", { name: "New claim" });
      await expect.poll(() => newClaim.isEnabled(), WAIT).toBe(true);
      await newClaim.click();
      await page.getByRole("tab", { name: "Annotate", selected: true }).waitFor();
      expect(await page.locator(".form-quote").textContent()).toBe(raw.slice(start, end));
      expect(await page.locator(".form-where").textContent()).toContain(`characters ${start}–${end}`);
      expect(raw.slice(start, end)).toMatch(/^ⁱⁱ S\/PV\.8682.*\*Reuters\*$/);
      await page.getByRole("button", { name: "Cancel" }).click();
    },
  );

  it(
    "makes a selected passage a claim with a new node, keeping the input through a 400 and a 409",
    { timeout: 120_000 },
    async () => {
      const sentence = await selectMirelSentence();
      await page.getByRole("button", { name: "New claim" }).click();
      expect(await page.locator(".form-quote").textContent()).toBe(sentence);
      await page.getByLabel("Relation type", { exact: true }).selectOption("called-for");
      const sourceField = page.getByRole("combobox", { name: "Source node" });
      await sourceField.fill("Ana Mirel");
      await page
        .getByRole("option", { name: /Ana Mirel/ })
        .first()
        .click();
      await page.getByRole("checkbox", { name: "New target node" }).check();
      await page.getByLabel("New target node type").selectOption("topic");
      await page.getByLabel("New target node name").fill("Repeal of Veloria's 2020 law on foreign agents");
      expect(await page.locator(".claim-reading").textContent()).toBe(
        "Reads: Ana Mirel called for Repeal of Veloria's 2020 law on foreign agents",
      );
      // A new node without a description: the server's loader refuses it, and everything typed stays.
      await page.screenshot({ path: path.join(ARTIFACTS, "annotate-02-reader-selection-form.png") });
      await page.getByRole("button", { name: "Save claim" }).click();
      const message = page.locator(".claim-form .form-message");
      await expect.poll(() => message.getAttribute("class"), WAIT).toContain("error");
      expect(await message.locator("li").allTextContents()).toEqual([
        `graph-data/sources/${REPORT}/graph.yaml:130: node "topic:repeal-of-veloria-s-2020-law-on-foreign-agents" has no "description"`,
      ]);
      expect(await page.getByLabel("New target node name").inputValue()).toBe(
        "Repeal of Veloria's 2020 law on foreign agents",
      );
      expect(await page.locator(".form-quote").textContent()).toBe(sentence);
      await page
        .getByLabel("New target node description")
        .fill("The repeal of Veloria's 2020 law on foreign agents, as the Special Rapporteur asked for it.");

      // Another writer changes the source meanwhile: the next save is a 409 that offers the new version.
      const { etag } = await listed(REPORT);
      const suggested = (await listed(REPORT)).claims.find((c) => c.record.status === "suggested")!;
      const other = await fetch(
        `${server.url}/api/edit/sources/${REPORT}/claims/${encodeURIComponent(suggested.ids[0]!)}`,
        {
          method: "PATCH",
          headers: { ...auth, "If-Match": etag, "Content-Type": "application/json" },
          body: JSON.stringify({ note: "Checked by a second reviewer." }),
        },
      );
      expect(other.status).toBe(200);
      await page.getByRole("button", { name: "Save claim" }).click();
      await expect.poll(() => message.textContent(), WAIT).toContain("Someone else changed this source");
      await page.getByRole("button", { name: "Load the new version" }).click();
      await expect.poll(() => message.textContent(), WAIT).toContain("your input is kept");
      await page.getByRole("button", { name: "Save claim" }).click();
      const claimId = "person:ana-mirel--called-for--topic:repeal-of-veloria-s-2020-law-on-foreign-agents";
      await expect.poll(() => message.textContent(), WAIT).toContain(`Saved: ${claimId}`);

      // The live graph draws it; the reader marks its passage as a claim's and, once drawn, as the one selected.
      await page.locator(`.reader .claim-quote[data-claims~="${claimId}"]`).first().waitFor({ timeout: 20_000 });
      await expect.poll(() => page.locator(".reader .evidence-mark").textContent(), WAIT).toBe(sentence);
      // The permalink follows the selection on its own turn: wait for it rather than read it at once.
      await expect.poll(() => page.url(), WAIT).toContain(encodeURIComponent(claimId));

      const stored = graphYaml(REPORT);
      const record = stored.edges.filter((e) => e.id === claimId);
      expect(record).toHaveLength(1);
      const raw = (await (await fetch(`${server.url}/api/sources/${REPORT}`)).json()).text as string;
      const start = raw.indexOf(sentence);
      expect(record[0]).toMatchObject({
        type: "called-for",
        source: "person:ana-mirel",
        target: "topic:repeal-of-veloria-s-2020-law-on-foreign-agents",
        modality: "asserted",
        status: "draft",
        evidence: {
          quote: sentence,
          footnotes: [],
          start,
          end: start + sentence.length,
          prefix: raw.slice(start - 32, start),
          suffix: raw.slice(start + sentence.length, start + sentence.length + 32),
        },
      });
      expect(stored.nodes?.filter((n) => n.id === "topic:repeal-of-veloria-s-2020-law-on-foreign-agents")).toEqual([
        {
          id: "topic:repeal-of-veloria-s-2020-law-on-foreign-agents",
          type: "topic",
          label: "Repeal of Veloria's 2020 law on foreign agents",
          description: "The repeal of Veloria's 2020 law on foreign agents, as the Special Rapporteur asked for it.",
        },
      ]);
    },
  );

  it(
    "makes a claim between two existing nodes: it is drawn, and a path answer quotes it, without a reload",
    { timeout: 120_000 },
    async () => {
      const sentence = await selectMirelSentence();
      await page.getByRole("button", { name: "New claim" }).click();
      await page.getByLabel("Relation type", { exact: true }).selectOption("called-on");
      for (const [field, name] of [
        ["Source node", "Ana Mirel"],
        ["Target node", "Republic of Veloria"],
      ] as const) {
        const box = page.getByRole("combobox", { name: field });
        if (await page.getByRole("checkbox", { name: `New ${field.toLowerCase()}` }).isChecked())
          await page.getByRole("checkbox", { name: `New ${field.toLowerCase()}` }).uncheck();
        await box.fill(name);
        await page
          .getByRole("option", { name: new RegExp(name) })
          .first()
          .click();
      }
      await page.locator("#claim-attr-what").fill("to release the detained activists");
      const nodesBefore = graphYaml(REPORT).nodes?.length;
      await page.getByRole("button", { name: "Save claim" }).click();
      const claimId = "person:ana-mirel--called-on--state:vlr";
      const message = page.locator(".claim-form .form-message");
      await expect.poll(() => message.textContent(), WAIT).toContain(`Saved: ${claimId}`);
      await page.locator(`.reader .claim-quote[data-claims~="${claimId}"]`).first().waitFor(WAIT);
      await expect.poll(() => page.url(), WAIT).toContain(encodeURIComponent(claimId));
      // One record added, no node.
      expect(graphYaml(REPORT).nodes?.length).toBe(nodesBefore);
      expect(graphYaml(REPORT).edges.filter((e) => e.id === claimId)).toMatchObject([
        { type: "called-on", source: "person:ana-mirel", target: "state:vlr", evidence: { quote: sentence } },
      ]);

      await askPath("Ana Mirel", "Republic of Veloria");
      await expect
        .poll(() => page.locator(".path-list .path").first().textContent(), WAIT)
        .toContain("Mirel called on Veloria to release the detained activists");
      await page.getByRole("tab", { name: "Annotate" }).click();
    },
  );

  it("answers a path question through the new claim with its quote", { timeout: 60_000 }, async () => {
    await askPath("Republic of Veloria", "Repeal of Veloria's 2020 law on foreign agents");
    const answer = page.locator(".path-list .path").first();
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.textContent()).toContain(
      "Mirel called on Veloria to release the detained activists and to repeal the 2020 law on foreign agents",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "annotate-03-path-answer.png") });
  });

  it(
    "shows the same graph after the server restarts on the same data: the new claim with the same id",
    { timeout: 120_000 },
    async () => {
      const before = (await (await fetch(`${server.url}/api/health`)).json()) as { nodes: number; edges: number };
      const claimsOf = async (id: string) =>
        (
          (await (await fetch(`${server.url}/api/nodes/${encodeURIComponent(id)}`)).json()) as {
            edges: { id: string }[];
          }
        ).edges
          .map((e) => e.id)
          .sort();
      const topic = "topic:repeal-of-veloria-s-2020-law-on-foreign-agents";
      const ids = await claimsOf(topic);
      expect(ids.length).toBeGreaterThan(0);
      const veloria = await claimsOf("state:vlr");
      expect(veloria).toContain("person:ana-mirel--called-on--state:vlr");
      // No page talks to the server while it is down (its event stream would log a refused connection).
      await page.goto("about:blank");
      await explorer.restart();
      const after = (await (await fetch(`${server.url}/api/health`)).json()) as { nodes: number; edges: number };
      expect({ nodes: after.nodes, edges: after.edges }).toEqual({ nodes: before.nodes, edges: before.edges });
      expect(await claimsOf(topic)).toEqual(ids);
      expect(await claimsOf("state:vlr")).toEqual(veloria);
      // The explorer opened afresh on the restarted server draws it, the new node among the rest.
      await page.goto("about:blank");
      await page.goto(`${server.url}/#v=1&s=${encodeURIComponent(`n:${topic}`)}`);
      await waitForGraph(page);
      await page
        .locator(".details .details-title", { hasText: "Repeal of Veloria's 2020 law on foreign agents" })
        .waitFor(WAIT);
    },
  );

  it("logged every write, without the token, and no console errors", () => {
    const log = readFileSync(path.join(data.dataDir, ".rightsgraph-edit", "edits.jsonl"), "utf8");
    const actions = log
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; sourceId: string });
    expect(actions.map((a) => a.action)).toEqual([
      "change-node",
      "change-claim",
      "change-claim",
      "undo",
      "change-claim",
      "change-claim",
      "create-node",
      "create-claim",
      "create-claim",
    ]);
    expect(actions.every((a) => a.sourceId === REPORT)).toBe(true);
    expect(log).not.toContain(EDIT_TOKEN);
    // The browser reports the refused writes (the 400 and the 409 above) as failed loads; nothing else went wrong.
    expect(errors.filter((e) => !/status of (400 \(Bad Request\)|409 \(Conflict\))/.test(e))).toEqual([]);
    expect(errors).toHaveLength(2);
  });

  it(
    "asks for the token when a tab opened without it needs one, and keeps it for the session",
    { timeout: 60_000 },
    async () => {
      const other = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await other.goto(server.url);
      await waitForGraph(other);
      // Edit mode shows its tabs; nothing is asked until the review queue reads the write API.
      await other.getByRole("tab", { name: "Review" }).waitFor();
      const asked: string[] = [];
      other.on("dialog", (dialog) => {
        asked.push(dialog.message());
        void dialog.accept(EDIT_TOKEN);
      });
      await other.getByRole("tab", { name: "Review" }).click();
      await other.getByLabel("Source to review").selectOption(REPORT);
      await expect.poll(() => other.locator(".review-counts").textContent(), WAIT).toMatch(/^\d+ suggestions left$/);
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain("Editing needs the server's edit token.");
      expect(await other.evaluate(() => sessionStorage.getItem("rightsgraph-edit-token"))).toBe(EDIT_TOKEN);
      await other.close();
    },
  );
});
