// A path query as a request of GET /api/paths (and of /api/export for a path result).
import type { PathsRequest } from "../api/index.js";
import type { PathQuery } from "../state/index.js";

export function pathParams(query: PathQuery): PathsRequest {
  const request: PathsRequest = {
    from: query.from,
    to: query.to,
    rank: query.rank,
    maxHops: query.maxHops,
    limit: query.limit,
    direction: query.direction,
    includeProvenance: query.includeProvenance,
  };
  if (query.via.length) request.via = query.via;
  if (query.avoid.length) request.avoid = query.avoid;
  if (query.edgeTypes.length) request.edgeTypes = query.edgeTypes;
  if (!query.throughDocuments) request.excludeNodeTypes = ["document"];
  return request;
}
