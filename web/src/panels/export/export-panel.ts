// Export: GraphML, GEXF, JSON and CSV of the whole graph, the filtered view or the path result; a PNG of the view for
// a report (twice the screen's size, with a title, the legend and a caption naming the sources and the date).
import type Sigma from "sigma";
import type { AppContext } from "../../app/context.js";
import { h } from "../../dom/index.js";
import type { AppState } from "../../state/index.js";
import { EXPORT_FORMATS, exportUrl, screenOnlyFilters } from "./export-urls.js";
import type { ExportScope } from "./export-urls.js";
import { downloadCanvas, drawReportImage } from "./report-image.js";
import { describeReport } from "./report-text.js";

const SCOPES: { scope: ExportScope; label: string }[] = [
  { scope: "all", label: "Whole graph" },
  { scope: "view", label: "Filtered view" },
  { scope: "path", label: "Current path result" },
];

export function mountExport(root: HTMLElement, ctx: AppContext): void {
  const { store } = ctx;
  let scope: ExportScope = "all";
  const radios = SCOPES.map(({ scope: value, label }) => {
    const input = h("input", { id: `export-${value}`, attrs: { type: "radio", name: "export-scope", value } });
    input.checked = value === scope;
    input.addEventListener("change", () => {
      if (input.checked) {
        scope = value;
        render(store.get());
      }
    });
    return { value, input, label: h("label", { class: "check" }, input, ` ${label}`) };
  });
  const links = EXPORT_FORMATS.map(({ format, label, extension }) => ({
    format,
    extension,
    link: h("a", { class: "button-link", text: label, attrs: { "data-format": format } }),
  }));
  const note = h("p", { class: "hint", attrs: { "aria-live": "polite" } });
  const pngButton = h("button", {
    class: "button-link",
    text: "PNG",
    attrs: {
      type: "button",
      title: "The view as an image for a report: title, legend, sources and date, at twice its size",
    },
  });
  pngButton.addEventListener("click", () => {
    pngButton.disabled = true;
    note.textContent = "Drawing the image…";
    const report = describeReport({
      graph: ctx.graph,
      state: store.get(),
      visibility: ctx.visibility(),
      nodeTypes: ctx.nodeTypes,
      edgeTypes: ctx.edgeTypes,
      today: new Date().toISOString().slice(0, 10),
    });
    drawReportImage(ctx.renderer as unknown as Sigma, report, ctx.overlays)
      .then((image) => downloadCanvas(image, "rightsgraph-view.png"))
      .then(() => {
        note.textContent = "PNG image saved.";
      })
      .catch(() => {
        note.textContent = "The image could not be drawn.";
      })
      .finally(() => {
        pngButton.disabled = false;
      });
  });
  const hasBibliography = ctx.graph.someNode((_n, a) => Boolean(a.bibliography));

  root.append(
    h(
      "section",
      { class: "panel export", attrs: { "aria-labelledby": "export-label" } },
      h("h2", { class: "panel-title", id: "export-label", text: "Export" }),
      h("fieldset", { class: "scope" }, h("legend", { text: "What" }), ...radios.map((r) => r.label)),
      h(
        "div",
        { class: "export-links", attrs: { role: "group", "aria-label": "Formats" } },
        ...links.map((l) => l.link),
        pngButton,
      ),
      note,
    ),
  );

  function render(state: AppState): void {
    const context = {
      filters: state.filters,
      pathQuery: state.pathQuery,
      activePath: state.activePath,
      nodeTypes: ctx.schema.nodeTypes.map((t) => t.name),
      edgeTypes: ctx.schema.edgeTypes.map((t) => t.name),
    };
    const pathRadio = radios.find((r) => r.value === "path")!;
    pathRadio.input.disabled = state.pathQuery === null;
    if (scope === "path" && state.pathQuery === null) {
      scope = "all";
      radios.forEach((r) => (r.input.checked = r.value === "all"));
    }
    for (const { format, extension, link } of links) {
      const url = exportUrl(format, scope, context);
      if (url) {
        link.setAttribute("href", url);
        link.setAttribute("download", `rightsgraph-${scope === "all" ? "graph" : scope}.${extension}`);
        link.removeAttribute("aria-disabled");
      } else {
        link.removeAttribute("href");
        link.setAttribute("aria-disabled", "true");
      }
    }
    const screenOnly = screenOnlyFilters(state.filters, hasBibliography);
    note.textContent =
      scope === "view"
        ? screenOnly.length > 0
          ? `Exports the nodes and relations that pass the type and date filters; ${screenOnly.join(", ")} apply on screen only.`
          : "Exports the nodes and relations that pass the filters."
        : scope === "path"
          ? state.activePath !== null
            ? `Exports the nodes and relations of path ${state.activePath + 1}, the one highlighted.`
            : "Exports the nodes and relations of the paths found."
          : "Exports every node and relation with its evidence.";
  }

  render(store.get());
  store.subscribe((state, previous) => {
    const changed =
      state.filters !== previous.filters ||
      state.pathQuery !== previous.pathQuery ||
      state.activePath !== previous.activePath;
    if (changed) render(state);
  });
}
