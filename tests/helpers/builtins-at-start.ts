// The engine's built-ins as they stood when this test worker first imported this module: the unit tier shares one
// module graph per worker, so this is taken once per worker, before any unit test file ran in it.
import { snapshotBuiltins } from "../../src/common";

export const BUILTINS_AT_START = snapshotBuiltins();
