import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless Chromium with its own background traffic turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export interface ProblemWatch {
  /** Console errors, uncaught exceptions, failed requests and HTTP error responses, from every frame. */
  readonly problems: string[];
  /** Declares one HTTP error response the test causes on purpose (method, URL part, status). */
  expectError(method: string, urlPart: string, status: number): void;
}

const RESOURCE_ERROR = /^Failed to load resource: the server responded with a status of (\d+)/;

/** Records everything that goes wrong on a page, so a test can demand that nothing did. */
export function watchForProblems(page: Page): ProblemWatch {
  const problems: string[] = [];
  const expected: { method: string; urlPart: string; status: number }[] = [];
  const isExpected = (method: string | null, url: string, status: number) =>
    expected.some((e) => (method === null || e.method === method) && url.includes(e.urlPart) && e.status === status);

  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const status = RESOURCE_ERROR.exec(message.text())?.[1];
    if (status && isExpected(null, message.location().url, Number(status))) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => {
    const why = request.failure()?.errorText ?? "?";
    // The page itself dropped it (a navigation or a closed frame while an icon loaded): nothing the server did.
    if (why === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${why})`);
  });
  page.on("response", (response) => {
    const { status, method, url } = { status: response.status(), method: response.request().method(), url: response.url() };
    if (status >= 400 && !isExpected(method, url, status)) problems.push(`HTTP ${status}: ${method} ${url}`);
  });
  return {
    problems,
    expectError: (method, urlPart, status) => void expected.push({ method, urlPart, status }),
  };
}
