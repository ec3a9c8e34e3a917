import type { EcwidErrorBody } from "./wire-types.js";

/** A REST v3 failure as Ecwid reports it: a status and `{errorMessage, errorCode}` (CONTRACT §4.3). */
export class EcwidApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): EcwidErrorBody {
    return { errorMessage: this.message, errorCode: this.errorCode };
  }
}

export const wrongParameter = (message: string): EcwidApiError => new EcwidApiError(400, "WRONG_PARAMETER", message);
