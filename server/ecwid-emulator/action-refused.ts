/** A shopper's or merchant's action that Ecwid's storefront or control panel would not allow (an empty cart, a refund above what is left). */
export class ActionRefused extends Error {
  override readonly name = "ActionRefused";
}
