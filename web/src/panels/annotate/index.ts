// Public face of annotation: the edit session shared with the reader and the review queue, and the claim form.
export { mountClaimForm } from "./claim-form.js";
export { createEditSession } from "./edit-session.js";
export type { ClaimDraft, EditSession } from "./edit-session.js";
export { startEditing } from "./start-editing.js";
