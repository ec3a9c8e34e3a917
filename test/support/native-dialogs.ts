import type { Page } from "playwright-core";

/** The messages of the native dialogs (alert, confirm, prompt) the page opens, each dismissed: the dashboard asks in the page, so a test demands none. */
export function recordNativeDialogs(page: Page): string[] {
  const messages: string[] = [];
  page.on("dialog", (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  return messages;
}
