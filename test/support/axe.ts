import axe from "axe-core";
import type { Frame, Page } from "playwright-core";

/** One serious or critical axe finding, with the elements it names (a shadow host comes before its inner path). */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core (WCAG 2.2 A and AA) on a page's document, or only on `root` (a CSS selector; a shadow host
 * is checked with its shadow tree), and returns the serious and critical findings. A test expects `[]`.
 * Child frames are left out: pass a Frame (e.g. the dashboard's, from `page.frames()`) to check its own.
 */
export async function seriousAxeFindings(page: Page | Frame, root?: string): Promise<AxeFinding[]> {
  // Evaluated rather than added as a <script>, so a page's Content-Security-Policy cannot block it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ root, tags }) => {
      const engine = (window as unknown as { axe: typeof axe }).axe;
      // A panel still fading in would be measured half transparent: wait for every finite animation to end.
      const shadowRoots = [...document.querySelectorAll("*")].flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []));
      const running = [document, ...shadowRoots].flatMap((scope) => scope.getAnimations());
      const settling = running.filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
      await Promise.all(settling.map((animation) => animation.finished.catch(() => undefined)));
      const { violations } = await engine.run(root ? { include: [root] } : document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], iframes: false });
      return violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({ id: violation.id, impact: violation.impact!, help: violation.help, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
    },
    { root, tags: TAGS },
  );
}
