// What the reader, the annotation form and the review queue share in edit mode: whether the server writes at all (its
// /api/health says `edit: true`), the source being worked on (one chooser, shown in the reader and the queue), the
// version of each source the next write is based on, and a way to open the form on a passage or a record.
import { editApi } from "../../api/index.js";
import type { ClaimRecord, EditSourceResponse, SourceSummary } from "../../api/index.js";
import type { Span } from "../source-reader/highlight.js";

/** What the annotation form opens on: a new passage of a source, or a record to edit (a suggestion, say). */
export type ClaimDraft =
  | { kind: "new"; sourceId: string; quote: string; span: Span; endnotes: string[] }
  | { kind: "edit"; sourceId: string; claimId: string; record: ClaimRecord; accept: boolean };

type Listener = () => void;

export interface EditSession {
  /** True once the server said it is in edit mode. */
  enabled(): boolean;
  readonly sources: readonly SourceSummary[];
  /** The source the reader and the queue work on. */
  sourceId(): string | null;
  chooseSource(id: string): void;
  /** Called when edit mode is found on or another source is chosen. */
  onChange(listener: Listener): () => void;
  /** The source's records, fetched now; its version becomes the one the next write is based on. */
  load(sourceId: string): Promise<EditSourceResponse>;
  /** The version the next write to the source is based on (fetched when none is known yet). */
  etag(sourceId: string): Promise<string>;
  /** A write answered: its version is the new base. */
  wrote(sourceId: string, etag: string): void;
  /** Open the annotation form (set by the form once mounted). */
  openForm(draft: ClaimDraft): void;
  setFormOpener(open: (draft: ClaimDraft) => void): void;
  enable(): void;
}

export function createEditSession(sources: readonly SourceSummary[]): EditSession {
  let on = false;
  let current: string | null = sources[0]?.id ?? null;
  const etags = new Map<string, string>();
  const listeners = new Set<Listener>();
  let opener: ((draft: ClaimDraft) => void) | null = null;
  const notify = (): void => {
    for (const listener of listeners) listener();
  };

  const session: EditSession = {
    enabled: () => on,
    sources,
    sourceId: () => current,
    chooseSource(id) {
      if (id === current || !sources.some((s) => s.id === id)) return;
      current = id;
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load(sourceId) {
      const answer = await editApi.source(sourceId);
      etags.set(sourceId, answer.etag);
      return answer;
    },
    async etag(sourceId) {
      return etags.get(sourceId) ?? (await session.load(sourceId)).etag;
    },
    wrote(sourceId, etag) {
      etags.set(sourceId, etag);
    },
    openForm(draft) {
      opener?.(draft);
    },
    setFormOpener(open) {
      opener = open;
    },
    enable() {
      if (on) return;
      on = true;
      notify();
    },
  };
  return session;
}
