/** Named HTTP errors: every refusal carries a code and the field at fault. */
export class HttpRequestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}

export const badRequest = (code: string, message: string, field?: string) => new HttpRequestError(400, code, message, field);
export const unauthorized = (code: string, message: string) => new HttpRequestError(401, code, message);
