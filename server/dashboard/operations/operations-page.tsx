import { useState } from "preact/hooks";
import { CatalogArea } from "./catalog-area.js";
import { ImportsArea } from "./imports-area.js";
import { WebhookHealthArea } from "./webhook-health-area.js";

/** Operations: importing past orders, the health of Ecwid's webhooks, and access to the catalog. */
export function OperationsPage() {
  const [imports, setImports] = useState(0);
  return (
    <>
      <ImportsArea onFinished={() => setImports((n) => n + 1)} />
      <WebhookHealthArea refreshKey={imports} />
      <CatalogArea />
    </>
  );
}
