// The anchor a quote is stored with lives with the contract, since the web's annotation form writes it too.
export { ANCHOR_CONTEXT, anchorAt, type EvidenceAnchor } from "../api/evidence-anchor";
