import { useState } from "preact/hooks";
import type { EndpointWithSecret } from "../api.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { EndpointForm } from "./endpoint-form.js";
import { EndpointList } from "./endpoint-list.js";

/** Webhooks: endpoints that hear of points, rewards, tiers, referrals and challenges as they happen. */
export function WebhooksArea() {
  const [shown, setShown] = useState<EndpointWithSecret | null>(null);
  const [changes, setChanges] = useState(0);
  const onSecret = (made: EndpointWithSecret) => {
    setShown(made);
    setChanges((n) => n + 1);
  };
  return (
    <Area title="Webhooks" subtitle="Tell your email platform or Zapier when points change, rewards are redeemed, tiers change, referrals qualify and challenges are completed.">
      {shown && (
        <Alert tone="success" title={`Signing secret of ${shown.endpoint.url}`}>
          <p>Copy it now: it is shown only this once. Your endpoint checks each request's Questline-Signature with it.</p>
          <div class="ql-toolbar">
            <label class="ql-visually-hidden" for="ql-webhook-secret">
              The signing secret
            </label>
            <input id="ql-webhook-secret" class="field__input" style={{ fontFamily: "monospace", flex: "1 1 18em", minWidth: 0 }} readOnly value={shown.secret} />
            <button class="btn btn-link btn-small" type="button" onClick={() => setShown(null)}>
              I have saved it
            </button>
          </div>
        </Alert>
      )}
      <EndpointForm onCreated={onSecret} />
      <EndpointList refreshKey={changes} onSecret={onSecret} />
    </Area>
  );
}
