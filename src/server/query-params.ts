// Reads HTTP query parameters once, at the route: one value each, typed, or a ParameterError naming the parameter.
import type { Request } from "express";
import { MAX_PARAMETER_LENGTH } from "../api/parameters";
import { ParameterError } from "../errors";

/** The query parameters of a request, checked against the names a route accepts. */
export class QueryParams {
  private readonly query: Record<string, unknown>;

  /** `req` is the request the parameters were read from. */
  constructor(
    readonly req: Request,
    accepted: readonly string[],
  ) {
    this.query = req.query as Record<string, unknown>;
    for (const name of Object.keys(this.query)) {
      if (!accepted.includes(name)) {
        throw new ParameterError(
          name,
          `unknown parameter "${name}"; this route accepts: ${accepted.join(", ") || "none"}`,
        );
      }
    }
  }

  /** The parameter's single value; repeated or over-long parameters are refused. */
  string(name: string): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string")
      throw new ParameterError(name, `parameter "${name}" must be given once, as a single value`);
    if (value.length > MAX_PARAMETER_LENGTH) {
      throw new ParameterError(
        name,
        `parameter "${name}" is ${value.length} characters long; at most ${MAX_PARAMETER_LENGTH} are accepted`,
      );
    }
    return value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === "") throw new ParameterError(name, `parameter "${name}" is required`);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d{1,9}$/.test(value.trim()))
      throw new ParameterError(name, `parameter "${name}" must be a whole number, got "${value}"`);
    return Number(value);
  }

  bool(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value === "true" || value === "1") return true;
    if (value === "false" || value === "0") return false;
    throw new ParameterError(name, `parameter "${name}" must be true or false, got "${value}"`);
  }

  /** A comma-separated list ("a,b"); an empty value is an empty list. */
  list(name: string): string[] | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    return value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ParameterError(name, `parameter "${name}" must be one of ${allowed.join(", ")}, got "${value}"`);
    }
    return value as T;
  }
}
