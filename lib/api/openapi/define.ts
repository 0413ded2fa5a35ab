/**
 * One place per route area (`lib/api/openapi/<area>.ts`) declares each operation: its
 * path and method, the zod schema of its input and of its answer, a summary, examples.
 * The route file builds its handler from that declaration (`apiRoute(op.route, …)`), so
 * the schema that validates a request is, by construction, the schema the OpenAPI
 * document publishes; the contract test walks app/api/v1 and fails for any route file or
 * method that is not declared here (and for any declaration without a route).
 */
import { z } from "zod";
import { PERMISSIONS } from "../../auth/permissions";
import { ROUTE_CAPABILITY, type Method } from "../access";
import type { RouteOptions } from "../route";

export type RoutePath = keyof typeof ROUTE_CAPABILITY;

export interface BodySpec {
  contentType: string;
  description: string;
  /** A file body: an example of its text. */
  example: string;
}

export interface ResponseSpec<R extends z.ZodType | undefined> {
  /** 200 unless said; 204 answers no body (schema undefined, example ""). */
  status?: 200 | 201 | 204;
  description: string;
  /** JSON answers: the schema every answer must satisfy (tests parse real answers with it). */
  schema: R;
  /** Not JSON (a CSV download): its media type; the schema is then a string. */
  contentType?: string;
  example: R extends z.ZodType ? z.input<R> : string;
  /** Headers of the answer (ETag: the version a later If-Match names), name → description. */
  headers?: Record<string, string>;
}

/** A request header the operation reads (If-Match of a versioned write). */
export interface HeaderSpec {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

/** An answer beyond the success and the usual problems: its own JSON body, or a problem with what it means here. */
export interface OtherResponseSpec {
  description: string;
  /** A JSON body that is not a problem (422 with the rules an edit breaks); none: a problem. */
  schema?: z.ZodType;
  example?: unknown;
  /** The same status may also be a problem (422: also an Idempotency-Key reused with another body). */
  alsoProblem?: boolean;
}

export interface OperationSpec<P extends RoutePath, M extends Method, S extends z.ZodType | undefined, R extends z.ZodType | undefined> {
  path: P;
  method: M;
  summary: string;
  description?: string;
  tag: string;
  /** Validates the query string (GET, or a file upload) or the JSON body. */
  input?: S;
  inputFrom?: "query" | "json";
  /** An example request body (JSON input) or query (as an object). */
  inputExample?: S extends z.ZodType ? z.input<S> : never;
  /** The path parameters' schemas ({id} in /scopes/{id}). */
  pathParams?: Record<string, z.ZodType>;
  /** Query parameters beside a JSON body (`?preview=true`); the handler parses them with this schema. */
  query?: z.ZodObject;
  /** Request headers the operation reads. */
  headers?: readonly HeaderSpec[];
  /** Answers of this operation beyond the success and the usual problems, by status. */
  otherResponses?: Record<string, OtherResponseSpec>;
  /** A body the handler reads itself (a CSV file). */
  fileBody?: BodySpec;
  accepts?: readonly string[];
  idempotent?: boolean;
  maxBodyBytes?: number;
  response: ResponseSpec<R>;
}

export interface Operation<P extends RoutePath = RoutePath, M extends Method = Method, S extends z.ZodType | undefined = z.ZodType | undefined, R extends z.ZodType | undefined = z.ZodType | undefined>
  extends OperationSpec<P, M, S, R> {
  capability: (typeof ROUTE_CAPABILITY)[P][M & keyof (typeof ROUTE_CAPABILITY)[P]];
  /** What apiRoute needs, derived from the declaration (capability from lib/api/access.ts). */
  route: RouteOptions<S>;
}

export function defineOperation<P extends RoutePath, M extends Method & keyof (typeof ROUTE_CAPABILITY)[P], S extends z.ZodType | undefined = undefined, R extends z.ZodType | undefined = undefined>(
  spec: OperationSpec<P, M, S, R>,
): Operation<P, M, S, R> {
  const capability = (ROUTE_CAPABILITY as Record<string, Record<string, keyof typeof PERMISSIONS>>)[spec.path][spec.method];
  return {
    ...spec,
    capability: capability as Operation<P, M, S, R>["capability"],
    route: { capability, input: spec.input, inputFrom: spec.inputFrom, accepts: spec.accepts, idempotent: spec.idempotent, maxBodyBytes: spec.maxBodyBytes } as RouteOptions<S>,
  };
}

// ── Shapes shared by many operations ──

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A URN naming the kind of problem (urn:shiftboard:problem:validation)." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong, in words a person can act on." }),
    code: z
      .enum(["UNAUTHENTICATED", "FORBIDDEN", "SITE_FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT", "ALREADY_DECIDED", "STALE_VERSION", "PRECONDITION_REQUIRED", "RATE_LIMITED", "IDEMPOTENCY_KEY_REUSED", "CROSS_SITE", "UNSUPPORTED_MEDIA_TYPE", "TOO_LARGE", "UPSTREAM", "INTERNAL"])
      .meta({ description: "What a client branches on: the same codes the dashboard's actions answer." }),
    requestId: z.string().meta({ description: "Quote it to support: the server's log line carries it." }),
    errors: z.array(z.object({ field: z.string().optional(), row: z.number().int().optional(), message: z.string() })).meta({ description: "The fields or rows that are wrong, when the problem is about input." }),
    current: z.unknown().optional().meta({ description: "A write refused because the record changed meanwhile (409): the record as it is now." }),
    fileErrorCode: z.string().optional().meta({ description: "A file that could not be read: why, as a stable code (READ_TIMEOUT, READ_OUT_OF_MEMORY, …)." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details: every failure of the API has this shape (media type application/problem+json)." });

/** ISO 8601 with an offset (the API's instants are UTC: `Z`). */
export const instant = () => z.iso.datetime({ offset: true });

export const MAX_PAGE = 500;

/** `limit` and `cursor` of every list. */
export const pageQuery = {
  limit: z.coerce
    .number({ error: "limit is a whole number." })
    .int({ error: "limit is a whole number." })
    .min(1, { error: "limit is at least 1." })
    .max(MAX_PAGE, { error: `limit is at most ${MAX_PAGE}.` })
    .default(100)
    .meta({ description: `Items per page, 1 to ${MAX_PAGE} (default 100).` }),
  cursor: z.string().max(512).optional().meta({ description: "The `nextCursor` of the previous page, with the same other parameters." }),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  });
