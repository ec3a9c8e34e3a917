import { useState } from "preact/hooks";
import { ImportsArea } from "./imports-area.js";
import { WebhookHealthArea } from "./webhook-health-area.js";

/** Operations: importing past orders and the health of Ecwid's webhooks. */
export function OperationsPage() {
  const [imports, setImports] = useState(0);
  return (
    <>
      <ImportsArea onFinished={() => setImports((n) => n + 1)} />
      <WebhookHealthArea refreshKey={imports} />
    </>
  );
}
