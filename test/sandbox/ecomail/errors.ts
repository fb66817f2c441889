/** An API answer other than 2xx; the server renders it as `{message, errors?}` JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string[]> | string,
  ) {
    super(message);
  }
}

/** Laravel-style 422 (docs/ecomail-api.md §1.1: body format assumed [U]). */
export function validationError(field: string, message: string): ApiError {
  return new ApiError(422, message, { [field]: [message] });
}

export function notFound(message: string): ApiError {
  return new ApiError(404, message);
}
