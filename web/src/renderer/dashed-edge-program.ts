// Dashed and dotted straight edges with arrowheads: sigma's clamped edge program (the line of its arrow program)
// with a fragment shader that leaves gaps, measured in multiples of the line's width so the pattern keeps its look at
// every zoom, then sigma's arrowhead on top. Sigma ships no dashed program; @sigma/edge-curve has none either.
import {
  EdgeProgram,
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
} from "sigma/rendering";
import type { EdgeProgramType } from "sigma/rendering";
import type { DisplayEdgeAttributes, DisplayNodeAttributes } from "../graph/index.js";

/** Arrowheads long and wide enough to be seen on thin lines (sigma's defaults are 2.5 and 2 times the width). */
export const ARROW_HEAD = { lengthToThicknessRatio: 5, widenessToThicknessRatio: 4 };

export interface DashPattern {
  /** Length of a dash, then of the gap after it, in line widths. */
  dash: number;
  gap: number;
}

export const DASHED: DashPattern = { dash: 5, gap: 3.5 };
export const DOTTED: DashPattern = { dash: 1.4, gap: 2.2 };

const VERTEX_MAIN = "void main() {";
const VERTEX_END = "v_color.a *= bias;";

/** Add the distance along the line, in line widths, to sigma's clamped vertex shader. */
function dashVertexShader(source: string): string {
  if (!source.includes(VERTEX_MAIN) || !source.includes(VERTEX_END) || !source.includes("webGLThickness")) {
    throw new Error("renderer: sigma's clamped edge shader changed; update dashed-edge-program.ts");
  }
  return source
    .replace(VERTEX_MAIN, `varying float v_along;\n${VERTEX_MAIN}`)
    .replace(
      VERTEX_END,
      `${VERTEX_END}\n  v_along = a_positionCoef * length(a_positionEnd - a_positionStart) / webGLThickness;`,
    );
}

function dashFragmentShader(source: string, { dash, gap }: DashPattern): string {
  if (!source.includes("void main(void) {")) {
    throw new Error("renderer: sigma's edge fragment shader changed; update dashed-edge-program.ts");
  }
  return source.replace(
    "void main(void) {",
    `varying float v_along;\nvoid main(void) {\n  if (mod(v_along, ${(dash + gap).toFixed(2)}) > ${dash.toFixed(2)}) discard;`,
  );
}

type Program = EdgeProgramType<DisplayNodeAttributes, DisplayEdgeAttributes>;

/** A straight edge drawn in dashes of `pattern`, with an arrowhead at its target. */
export function createDashedArrowProgram(pattern: DashPattern): Program {
  const Clamped = createEdgeClampedProgram<DisplayNodeAttributes, DisplayEdgeAttributes>(ARROW_HEAD);
  type Definition = ReturnType<EdgeProgram<string, DisplayNodeAttributes, DisplayEdgeAttributes>["getDefinition"]>;
  const clampedDefinition = (Clamped.prototype as unknown as { getDefinition(): Definition }).getDefinition;
  // The clamped program's class, with its shaders dashed; everything else (attributes, uniforms) is its own.
  const DashedLine = class extends (Clamped as unknown as new (...args: never[]) => { getDefinition(): Definition }) {
    override getDefinition(): Definition {
      const definition = clampedDefinition.call(this);
      return {
        ...definition,
        VERTEX_SHADER_SOURCE: dashVertexShader(definition.VERTEX_SHADER_SOURCE),
        FRAGMENT_SHADER_SOURCE: dashFragmentShader(definition.FRAGMENT_SHADER_SOURCE, pattern),
      };
    }
  };
  return createEdgeCompoundProgram([
    DashedLine as unknown as Program,
    createEdgeArrowHeadProgram<DisplayNodeAttributes, DisplayEdgeAttributes>(ARROW_HEAD),
  ]);
}
