/** A failed Ecwid REST call, carrying what Ecwid said but never the token or request headers. */
export class EcwidApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly errorCode: string | null,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "EcwidApiError";
  }
}
