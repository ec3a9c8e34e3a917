import { byId, setText, showAlert } from "./dom.js";
import { bindEarningForm } from "./earning-form.js";
import { earningMinimumLabel, earningRateLabel, paymentStatusLabel } from "./labels.js";

/**
 * The Earning rule area: the rule in words, and a form to change it. Saving reads the settings afresh and
 * puts them back whole with only `earning` changed, so challenges, tiers and the rest are never lost.
 */
export function createEarningRule({ api, fmt, onSaved }) {
  const edit = byId("earning-edit");
  const editArea = edit.parentElement;
  const error = byId("earning-error");
  const saved = byId("earning-saved");
  let rule = null;

  const form = bindEarningForm({ fmt, onSubmit: save, onCancel: () => close() });

  function render(next) {
    rule = next;
    setText("earning-rate", earningRateLabel(rule, fmt));
    setText("earning-minimum", earningMinimumLabel(rule, fmt));
    setText("earning-statuses", rule.countedStatuses.map(paymentStatusLabel).join(", "));
    edit.disabled = false;
  }

  function open() {
    showAlert(saved, "");
    editArea.hidden = true;
    edit.setAttribute("aria-expanded", "true");
    form.open(rule);
  }

  function close() {
    form.close();
    editArea.hidden = false;
    edit.setAttribute("aria-expanded", "false");
    edit.focus();
  }

  async function save(earning) {
    const current = await api.settings();
    const next = await api.saveSettings({ ...current, earning: { ...current.earning, ...earning } });
    render(next.earning);
    close();
    showAlert(saved, `Saved. Shoppers now earn ${earningRateLabel(rule, fmt)}, ${earningMinimumLabel(rule, fmt).toLowerCase()}.`);
    onSaved();
  }

  async function load() {
    showAlert(error, "");
    try {
      render((await api.settings()).earning);
    } catch (err) {
      showAlert(error, `The earning rule could not be loaded: ${err.message}`);
    }
  }

  edit.addEventListener("click", open);
  return { load };
}
