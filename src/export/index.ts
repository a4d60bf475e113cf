// Public face of the export layer: GraphML, GEXF, JSON and neo4j CSV writers, and streaming to a destination.
export * from "./export-formats";
export * from "./export-options";
export * from "./export-columns";
export * from "./escape-xml";
export * from "./graphml-chunks";
export * from "./gexf-chunks";
export * from "./export-elements";
export * from "./json-chunks";
export * from "./csv-cell";
export * from "./neo4j-names";
export * from "./csv-zip";
export * from "./stream-turns";
export * from "./stream-chunks";
export * from "./export-chunks";
export * from "./write-export";
export * from "./age-bundle";
export * from "./write-age-files";
