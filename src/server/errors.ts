/**
 * Errors the server answers with: a status and a machine-readable code, always sent as
 * `{ "error": { "code", "message" } }`. Handlers throw `ApiError`; the app's `onError` maps it.
 */

/** Statuses a request can be refused with (the client's fault, or 503 while another process writes; never a 500). */
export type ClientStatus = 400 | 401 | 404 | 405 | 413 | 415 | 422 | 503;

/** A request the server refuses, with the reason the client gets to read. */
export class ApiError extends Error {
  constructor(
    readonly status: ClientStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The JSON body of an error answer. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** 404 for an id that names nothing. */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, 'not-found', `no ${kind} '${id.length > 200 ? `${id.slice(0, 200)}…` : id}'`);
}
