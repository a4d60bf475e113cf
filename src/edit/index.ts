// Public face of the edit layer: the record writer of edit mode (and of any command that changes records).
export { EditStore, type EditStoreOptions, type FileEdit, type SourceFileName } from "./edit-store";
export { EDIT_FOLDER, type EditAuthor } from "./edit-journal";
export { writeFileAtomic } from "./atomic-write";
export { sourceVersion } from "./source-version";
export {
  appendRecord,
  deleteRecord,
  patchRecord,
  patchRecords,
  recordSpans,
  setTopLevel,
  type RecordPatch,
  type RecordSection,
  type RecordSpan,
} from "./record-text";
