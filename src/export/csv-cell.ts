// CSV cells are written once, in the web/server contract's folder, so the explorer's table export neutralises
// formulas exactly as the server's exports do.
export { csvHeaderCell, csvTextCell, neutraliseFormula } from "../api/csv-cell";
