import type { ErrorCode } from "@party/shared/enums";

/** `details` of the API's error envelope; `fields` maps a field path to a short code like `too_short`. */
export interface ApiErrorDetails {
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

/** `network_error`: no answer at all (offline, server down); `bad_response`: an answer that is not the API's JSON. */
export type ClientErrorCode = ErrorCode | "network_error" | "bad_response";

/** An API failure: HTTP status (0 when there was no answer), the envelope's code and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field path -> problem code, empty when the error is not about fields. */
  get fields(): Record<string, string> {
    return this.details.fields ?? {};
  }

  /** Seconds to wait before retrying (429 answers), if the server said. */
  get retryAfterSeconds(): number | undefined {
    const value = this.details.retryAfterSeconds;
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Turns a non-2xx answer's body into an ApiError; tolerates bodies that are not the envelope. */
export function errorFromResponse(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = (typeof envelope?.code === "string" ? envelope.code : status === 503 ? "service_unavailable" : "bad_response") as ClientErrorCode;
  const message = typeof envelope?.message === "string" ? envelope.message : `HTTP ${status}`;
  const details: ApiErrorDetails = isRecord(envelope?.details) ? { ...envelope.details } : {};
  if (isRecord(details.fields)) {
    details.fields = Object.fromEntries(Object.entries(details.fields).map(([k, v]) => [k, String(v)]));
  } else {
    delete details.fields;
  }
  if (details.retryAfterSeconds === undefined && retryAfterHeader && /^\d+$/.test(retryAfterHeader)) {
    details.retryAfterSeconds = Number(retryAfterHeader);
  }
  return new ApiError(status, code, message, details);
}
