import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "dist/", "public/widget*.js", "public/dashboard/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["server/**/*.ts"],
    ignores: ["server/config.ts", "server/widget/**", "server/dashboard/**"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through server/config.ts" }],
      "no-console": "error",
    },
  },
  {
    files: ["server/widget/**/*.ts", "server/dashboard/**/*.{ts,tsx}", "public/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
