// The small builders both OpenAPI modules write their blocks with (the read API's and edit mode's): a schema
// reference, a JSON body, a path parameter, an object schema. One shape each, so the two documents cannot drift.

/** A reference to a schema of `components.schemas`. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A JSON content block (a response's or a request body's). */
export const json = (schema: object) => ({ content: { "application/json": { schema } } });

/** A required string parameter of the path, URL-encoded. */
export const pathParam = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});

/** An object schema with its properties, those in `required` required. */
export const objectSchema = (properties: Record<string, object>, required: readonly string[] = []) => ({
  type: "object",
  ...(required.length ? { required: [...required] } : {}),
  properties,
});
