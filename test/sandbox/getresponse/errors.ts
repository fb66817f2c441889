/**
 * GetResponse's error body (docs/getresponse.md §3.1): `httpStatus`, numeric `code`,
 * `codeDescription`, `message`, `context` (validation details), `uuid`.
 */
export class GetResponseError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly context: unknown = [],
  ) {
    super(message);
  }
}

const DESCRIPTIONS: Record<number, string> = {
  1000: 'General error of validation process, more details should be in context section',
  1008: 'Requested resource already exists',
  1013: 'Requested resource not found',
  1014: 'Problem during authentication process, check headers!',
  1015: 'Quota exceeded',
  1018: 'Your current plan does not allow this request',
};

let uuidCounter = 0;

export function errorBody(error: GetResponseError): Record<string, unknown> {
  uuidCounter++;
  return {
    httpStatus: error.status,
    code: error.code,
    codeDescription: DESCRIPTIONS[error.code] ?? 'Error',
    message: error.message,
    moreInfo: `https://apidocs.getresponse.com/v3/errors/${error.code}`,
    context: error.context,
    uuid: `00000000-0000-4000-8000-${String(uuidCounter).padStart(12, '0')}`,
  };
}

/** 400, code 1000, with the field and what is wrong with it. */
export function invalid(field: string, description: string): GetResponseError {
  return new GetResponseError(400, 1000, 'Validation error', [{ fieldName: field.split('.'), errorDescription: description }]);
}

export function notFound(what: string): GetResponseError {
  return new GetResponseError(404, 1013, `${what} not found`);
}

export function conflict(message: string): GetResponseError {
  return new GetResponseError(409, 1008, message);
}
