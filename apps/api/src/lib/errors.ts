import type { ErrorCode } from "@party/shared";

export interface DeniedAccess {
  policy: string;
  action: string;
  subjectId: string | null;
  unitId: string | null;
}

/** An error a client caused or may see; the error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  /** Set by authorize() when a real record was refused; the error handler records `access.denied`. */
  denied?: DeniedAccess;

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  /** `fields` maps a field path to what is wrong with it, like the schema errors. */
  constructor(message: string, fields?: Record<string, string>) {
    super(400, "validation_failed", message, fields ? { fields } : undefined);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = "Authentication required") {
    super(401, "unauthenticated", message);
  }
}
export class MfaRequiredError extends AppError {
  constructor(message = "Second factor required") {
    super(401, "mfa_required", message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "Not allowed") {
    super(403, "forbidden", message);
  }
}
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(404, "not_found", message);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(409, "conflict", message, details);
  }
}
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, code: ErrorCode = "rate_limited", message = "Too many attempts, try again later") {
    super(429, code, message, { retryAfterSeconds }, { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}
