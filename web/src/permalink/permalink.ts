// Permalinks: the shareable part of the state (selection, filters, path query, camera) in the URL hash, and back.
import { DEFAULT_FILTERS, DEFAULT_PATH_QUERY, MAX_HOPS_RANGE, PATH_LIMIT_RANGE } from "../state/index.js";
import type { AppState, CameraView, Filters, PathQuery, Reading, Selection } from "../state/index.js";

/** Bumped when the hash format changes incompatibly; older links are read as far as they still make sense. */
export const PERMALINK_VERSION = "1";

/** What a permalink restores. */
export interface PermalinkState {
  selection: Selection;
  filters: Filters;
  pathQuery: PathQuery | null;
  activePath: number | null;
  reading: Reading | null;
  camera: CameraView | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(",").filter(Boolean))].sort();
}

function clampInt(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}

function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** Encode the shareable state as a hash fragment (without "#"); defaults are left out to keep links short. */
export function encodePermalink(state: Pick<AppState, keyof PermalinkState>): string {
  const p = new URLSearchParams();
  p.set("v", PERMALINK_VERSION);
  if (state.selection) p.set("s", `${state.selection.kind === "node" ? "n" : "e"}:${state.selection.id}`);
  if (state.reading && !(state.selection?.kind === "edge" && state.selection.id === state.reading.edgeId)) {
    p.set("r", state.reading.edgeId);
  }
  const f = state.filters;
  if (f.hiddenNodeTypes.length) p.set("nt", [...f.hiddenNodeTypes].sort().join(","));
  if (f.hiddenEdgeTypes.length) p.set("et", [...f.hiddenEdgeTypes].sort().join(","));
  if (f.dateFrom) p.set("df", f.dateFrom);
  if (f.dateTo) p.set("dt", f.dateTo);
  if (f.hiddenSources.length) p.set("src", [...f.hiddenSources].sort().join(","));
  if (f.hideUndated) p.set("hu", "1");
  if (f.hideUnlinked) p.set("hl", "1");
  if (f.mode !== DEFAULT_FILTERS.mode) p.set("m", f.mode);
  if (f.showSuggestions) p.set("sg", "1");
  if (f.showBibliography) p.set("bib", "1");
  const q = state.pathQuery;
  if (q) {
    p.set("pf", q.from);
    p.set("pt", q.to);
    if (q.rank !== DEFAULT_PATH_QUERY.rank) p.set("pr", q.rank);
    if (q.via.length) p.set("pv", q.via.join(","));
    if (q.avoid.length) p.set("pa", q.avoid.join(","));
    if (q.maxHops !== DEFAULT_PATH_QUERY.maxHops) p.set("ph", String(q.maxHops));
    if (q.limit !== DEFAULT_PATH_QUERY.limit) p.set("pl", String(q.limit));
    if (q.direction !== DEFAULT_PATH_QUERY.direction) p.set("pd", q.direction);
    if (q.edgeTypes.length) p.set("pe", [...q.edgeTypes].sort().join(","));
    if (q.throughDocuments !== DEFAULT_PATH_QUERY.throughDocuments) p.set("pdoc", q.throughDocuments ? "1" : "0");
    if (q.includeProvenance !== DEFAULT_PATH_QUERY.includeProvenance) p.set("pprov", q.includeProvenance ? "1" : "0");
    if (state.activePath !== null) p.set("pi", String(state.activePath));
  }
  const c = state.camera;
  if (c) p.set("c", [round(c.x, 4), round(c.y, 4), round(c.ratio, 4), round(c.angle, 4)].join(","));
  return p.toString();
}

/** Decode a hash fragment (with or without "#"); anything unreadable falls back to the default, never throws. */
export function decodePermalink(hash: string): PermalinkState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  let selection: Selection = null;
  const s = p.get("s");
  if (s && /^[ne]:./.test(s)) selection = { kind: s[0] === "n" ? "node" : "edge", id: s.slice(2) };
  const dateFrom = p.get("df");
  const dateTo = p.get("dt");
  const filters: Filters = {
    hiddenNodeTypes: list(p.get("nt")),
    hiddenEdgeTypes: list(p.get("et")),
    hiddenSources: list(p.get("src")),
    dateFrom: dateFrom && MONTH.test(dateFrom) ? dateFrom : null,
    dateTo: dateTo && MONTH.test(dateTo) ? dateTo : null,
    hideUndated: p.get("hu") === "1",
    hideUnlinked: p.get("hl") === "1",
    mode: p.get("m") === "dim" ? "dim" : p.get("m") === "hide" ? "hide" : DEFAULT_FILTERS.mode,
    showSuggestions: p.get("sg") === "1",
    showBibliography: p.get("bib") === "1",
  };
  if (filters.dateFrom && filters.dateTo && filters.dateFrom > filters.dateTo) {
    [filters.dateFrom, filters.dateTo] = [filters.dateTo, filters.dateFrom];
  }
  let pathQuery: PathQuery | null = null;
  let activePath: number | null = null;
  const from = p.get("pf");
  const to = p.get("pt");
  if (from && to) {
    pathQuery = {
      from,
      to,
      rank: p.get("pr") === "hops" ? "hops" : p.get("pr") === "informative" ? "informative" : DEFAULT_PATH_QUERY.rank,
      via: list(p.get("pv")),
      avoid: list(p.get("pa")),
      maxHops: clampInt(p.get("ph"), DEFAULT_PATH_QUERY.maxHops, MAX_HOPS_RANGE.min, MAX_HOPS_RANGE.max),
      limit: clampInt(p.get("pl"), DEFAULT_PATH_QUERY.limit, PATH_LIMIT_RANGE.min, PATH_LIMIT_RANGE.max),
      direction: p.get("pd") === "forward" ? "forward" : "any",
      edgeTypes: list(p.get("pe")),
      throughDocuments: p.has("pdoc") ? p.get("pdoc") !== "0" : DEFAULT_PATH_QUERY.throughDocuments,
      includeProvenance: p.has("pprov") ? p.get("pprov") === "1" : DEFAULT_PATH_QUERY.includeProvenance,
    };
    const pi = p.get("pi");
    if (pi !== null && /^\d+$/.test(pi)) activePath = Number(pi);
  }
  let reading: Reading | null = null;
  const r = p.get("r");
  if (r) reading = { edgeId: r };
  else if (selection?.kind === "edge") reading = { edgeId: selection.id };
  let camera: CameraView | null = null;
  const c = p.get("c")?.split(",").map(Number);
  if (c && c.length === 4 && c.every(Number.isFinite) && c[2]! > 0) {
    camera = { x: c[0]!, y: c[1]!, ratio: c[2]!, angle: c[3]! };
  }
  return { selection, filters, pathQuery, activePath, reading, camera };
}
