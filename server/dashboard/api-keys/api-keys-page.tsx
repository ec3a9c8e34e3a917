import { useState } from "preact/hooks";
import type { ApiKeyCreated } from "../api.js";
import { Area } from "../ui/area.js";
import { ApiKeyForm } from "./api-key-form.js";
import { ApiKeyList } from "./api-key-list.js";
import { NewKeyNotice } from "./new-key-notice.js";
import { WebhooksArea } from "../webhooks/webhooks-area.js";

/** API: the merchant's keys for their own tools, and where the API is described. */
export function ApiKeysPage() {
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [listed, setListed] = useState(0);
  return (
    <>
      <Area title="API keys" subtitle="Let your own tools (a spreadsheet script, Zapier, an email platform) read or change your program through the Questline API.">
        {created && <NewKeyNotice created={created} onDone={() => setCreated(null)} />}
        <ApiKeyForm
          onCreated={(made) => {
            setCreated(made);
            setListed((n) => n + 1);
          }}
        />
        <ApiKeyList refreshKey={listed} />
      </Area>
      <WebhooksArea />
      <Area title="API reference" subtitle="Every route, its parameters, the scope it needs and what it answers.">
        <p>
          Send a key as <code>Authorization: Bearer ql_…</code> to <code>{`${window.location.origin}/api/admin/…`}</code>. A read key may only read (GET); a write key may also
          change things. Keys cannot make or revoke keys.
        </p>
        <div class="ql-toolbar" style={{ marginTop: "12px" }}>
          <a class="btn btn-default btn-medium" href="/api/admin/reference" target="_blank" rel="noopener">
            Open the API reference
          </a>
          <a class="btn btn-link btn-medium" href="/api/admin/openapi.json" target="_blank" rel="noopener">
            OpenAPI document (JSON)
          </a>
        </div>
      </Area>
    </>
  );
}
