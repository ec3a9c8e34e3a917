import { byId, el, setFormBusy, showAlert } from "./dom.js";
import { EARNING_STATUS_CHOICES, paymentStatusLabel } from "./labels.js";
import { minorToInput, parseMoneyInput } from "./money-input.js";

/** The form field each part of the earning rule is edited in. */
const FIELD_OF_KEY = { points: "points", perAmountMinor: "per", minOrderMinor: "min", countedStatuses: "statuses" };

/**
 * The "Change the earning rule" form: fills itself from a rule, reads the typed amounts into integer minor
 * units, checks what it can, and shows the server's validation errors next to the fields they are about.
 */
export function bindEarningForm({ fmt, onSubmit, onCancel }) {
  const form = byId("earning-form");
  const submit = byId("earning-submit");
  const formError = byId("earning-form-error");
  const choices = byId("earning-status-choices");
  const field = (name, inputId) => ({ input: byId(inputId), error: byId(`earning-${name}-error`) });
  const fields = {
    points: field("points", "earning-points"),
    per: field("per", "earning-per"),
    min: field("min", "earning-min"),
    statuses: field("statuses", "earning-status-choices"),
  };

  form.querySelectorAll("[data-currency-symbol]").forEach((node) => {
    node.textContent = fmt.currency.symbol;
    node.parentElement.classList.toggle("ql-affixed--after", !fmt.currency.before);
  });
  form.querySelectorAll("[data-currency-code]").forEach((node) => (node.textContent = ` (${fmt.currency.symbol})`));

  function setFieldError(name, message) {
    const { input, error } = fields[name];
    error.textContent = message ?? "";
    error.hidden = !message;
    const target = name === "statuses" ? error.closest("fieldset") : input;
    if (message) target.setAttribute("aria-invalid", "true");
    else target.removeAttribute("aria-invalid");
  }

  function clearErrors() {
    Object.keys(fields).forEach((name) => setFieldError(name, ""));
    showAlert(formError, "");
  }

  function checkbox(status, checked) {
    const input = el("input", { type: "checkbox", class: "custom-checkbox__input", name: "countedStatuses", value: status, checked });
    return el(
      "div",
      { class: "custom-checkbox" },
      el("label", {}, input, el("span", { class: "custom-checkbox__label", "aria-hidden": "true" }), el("span", { class: "custom-checkbox__text" }, paymentStatusLabel(status))),
    );
  }

  /** Reads the form; returns `{ earning }` or `{ errors }` keyed by field. */
  function read() {
    const errors = {};
    const pointsText = fields.points.input.value.trim();
    const points = /^\d{1,9}$/.test(pointsText) ? Number(pointsText) : null;
    if (points === null) errors.points = pointsText ? "Use a whole number of points, like 2." : "Enter how many points an order earns.";
    const per = parseMoneyInput(fields.per.input.value, fmt.precision, fmt.decimal);
    if (per.error) errors.per = per.error;
    else if (per.minor === 0) errors.per = "Enter an amount above zero.";
    const minText = fields.min.input.value.trim();
    const min = minText ? parseMoneyInput(minText, fmt.precision, fmt.decimal) : { minor: 0 };
    if (min.error) errors.min = min.error;
    const countedStatuses = [...choices.querySelectorAll("input:checked")].map((input) => input.value);
    if (countedStatuses.length === 0) errors.statuses = "Choose at least one payment status.";
    return Object.keys(errors).length ? { errors } : { earning: { points, perAmountMinor: per.minor, minOrderMinor: min.minor, countedStatuses } };
  }

  /** The server's issue in the merchant's terms: bounds shown as points or money, by the issue's code, never its text. */
  function humanize(name, issue) {
    const shown = (value) => (name === "points" ? fmt.count(value) : fmt.money(value));
    if (issue.code === "too_big" && typeof issue.maximum === "number") return `Must be at most ${shown(issue.maximum)}.`;
    if (issue.code === "too_small" && name === "statuses") return "Choose at least one payment status.";
    if (issue.code === "too_small" && typeof issue.minimum === "number") return `Must be at least ${shown(issue.minimum)}.`;
    if (issue.code === "invalid_type") return "Use a whole number.";
    return issue.message;
  }

  /** Each `validation_failed` issue goes beside its field; what names no field goes above the buttons. */
  function showServerError(err) {
    const rest = [];
    for (const issue of err?.issues ?? []) {
      const [area, key] = issue.path;
      const name = area === "earning" ? FIELD_OF_KEY[key] : undefined;
      if (name && fields[name].error.hidden) setFieldError(name, humanize(name, issue));
      else if (!name) rest.push(issue.message);
    }
    if (!err?.issues?.length || rest.length) showAlert(formError, rest.join("; ") || err?.message || "The rule could not be saved.");
    focusFirstError();
  }

  function focusFirstError() {
    const name = Object.keys(fields).find((key) => !fields[key].error.hidden);
    if (name === "statuses") choices.querySelector("input")?.focus();
    else if (name) fields[name].input.focus();
  }

  const busy = (on) => setFormBusy(form, submit, on);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    clearErrors();
    const { earning, errors } = read();
    if (errors) {
      Object.entries(errors).forEach(([name, message]) => setFieldError(name, message));
      return focusFirstError();
    }
    busy(true);
    try {
      await onSubmit(earning);
    } catch (err) {
      showServerError(err);
    } finally {
      busy(false);
    }
  });
  byId("earning-cancel").addEventListener("click", () => onCancel());
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") onCancel();
  });

  return {
    /** Shows the form filled with `rule`; statuses the rule counts beyond the usual four are kept as choices. */
    open(rule) {
      clearErrors();
      fields.points.input.value = String(rule.points);
      fields.per.input.value = minorToInput(rule.perAmountMinor, fmt.precision, fmt.decimal);
      fields.min.input.value = minorToInput(rule.minOrderMinor, fmt.precision, fmt.decimal);
      const statuses = [...new Set([...EARNING_STATUS_CHOICES, ...rule.countedStatuses])];
      choices.replaceChildren(...statuses.map((status) => checkbox(status, rule.countedStatuses.includes(status))));
      form.hidden = false;
      fields.points.input.focus();
      fields.points.input.select();
    },
    close() {
      form.hidden = true;
      clearErrors();
    },
  };
}
