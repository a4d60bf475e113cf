// A path query as GET /api/paths (and /api/export) parameters.
import type { PathQuery } from "../../state/index.js";

export function pathParams(query: PathQuery): Record<string, string> {
  const params: Record<string, string> = {
    from: query.from,
    to: query.to,
    maxHops: String(query.maxHops),
    limit: String(query.limit),
    direction: query.direction,
    includeProvenance: String(query.includeProvenance),
  };
  if (query.edgeTypes.length) params.edgeTypes = query.edgeTypes.join(",");
  if (!query.throughDocuments) params.excludeNodeTypes = "document";
  return params;
}
