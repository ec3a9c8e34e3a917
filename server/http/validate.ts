/** Routes parse their input with the same helper as the modules, so every refusal has the same shape. */
export { parseInput } from "../lib/validation.js";
