import { ApiError, errorFromResponse } from "./errors";

type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let onAuthError: ((error: ApiError) => void) | null = null;

/** The session's CSRF token, echoed in `x-csrf-token` on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called for every 401 (`unauthenticated` or `mfa_required`), so the session can be refreshed. */
export function setAuthErrorHandler(handler: ((error: ApiError) => void) | null): void {
  onAuthError = handler;
}

/** `/api` + path + the query's defined, non-empty values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Raw bytes sent as they are (a picture upload), with their own Content-Type; instead of `body`. */
  raw?: { data: Blob; contentType: string };
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

/**
 * Calls the API with the session cookie (same origin only) and JSON. State-changing methods carry
 * the CSRF token; a Content-Type header is sent only with a body (the API refuses an empty JSON body).
 * Resolves with the parsed JSON; rejects with ApiError.
 */
export async function request<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  const hasBody = options.body !== undefined;
  if (hasBody) headers["content-type"] = "application/json";
  if (options.raw) headers["content-type"] = options.raw.contentType;
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.raw ? options.raw.data : hasBody ? JSON.stringify(options.body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "Network request failed");
  }

  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    const error = errorFromResponse(response.status, body, response.headers.get("retry-after"));
    if (response.status === 401) onAuthError?.(error);
    throw error;
  }
  if (body === undefined) throw new ApiError(response.status, "bad_response", "Response is not JSON");
  return body as T;
}

/**
 * POST of a file's raw bytes with upload progress (fetch reports none): `onProgress` gets the share
 * sent so far, 0 to 1. Carries the CSRF token like request(); resolves with the parsed JSON, rejects
 * with ApiError (status 0 when there was no answer) or an AbortError when `signal` aborts it.
 */
export function uploadWithProgress<T>(path: string, query: Query, file: Blob, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path, query));
    xhr.setRequestHeader("accept", "application/json");
    // The server finds the type from the content; a header is sent all the same, so the body is read.
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        reject(new ApiError(xhr.status, "bad_response", "Response is not JSON"));
        return;
      }
      const error = errorFromResponse(xhr.status, body, xhr.getResponseHeader("retry-after"));
      if (xhr.status === 401) onAuthError?.(error);
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "Network request failed"));
    xhr.onabort = () => reject(new DOMException("The upload was aborted", "AbortError"));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException("The upload was aborted", "AbortError"));
        return;
      }
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>("POST", path, { body, headers }),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, { body }),
  /** POST of raw bytes (a picture) with their Content-Type. */
  upload: <T>(path: string, data: Blob, contentType: string) => request<T>("POST", path, { raw: { data, contentType } }),
  /** DELETE, with a JSON body when the resource is named by it (e.g. a push subscription's endpoint). */
  delete: <T>(path: string, body?: unknown) => request<T>("DELETE", path, { body }),
};

/**
 * A new Idempotency-Key: the same key sent with a retried request makes the server answer with what
 * the first one made (a comment sent twice on a weak network is one comment). getRandomValues, as
 * crypto.randomUUID exists only on HTTPS and localhost.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
