// ESLint (flat config): TypeScript, React and its hooks, accessibility, and the import rules that keep the layout
// honest (no cycles; no database access from route modules: routes call their capability). `npm run lint`
// fails on any warning.
import js from "@eslint/js";
import importPlugin from "eslint-plugin-import";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// One way to link (app/components/link.tsx): a plain anchor that the root layout follows without a reload.
const remixLinks = {
  name: "@remix-run/react",
  importNames: ["Link", "NavLink"],
  message: "Use Link and NavLink from ~/components/link: Remix's own are costly to render on the server.",
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "data/**",
      "backups/**",
      "tests/e2e/artifacts/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { import: importPlugin, react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: {
      react: { version: "18.3" },
      "import/resolver": { typescript: { project: "./tsconfig.json" } },
    },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...jsxA11y.configs.recommended.rules,
      // The two classic hooks rules; the React Compiler's newer rules assume a compiler we do not use.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "react/prop-types": "off",
      // Dutch has apostrophes ("thema's"); React escapes them in text anyway.
      "react/no-unescaped-entities": "off",
      // Some patterns match control characters on purpose: they strip or refuse them in names and links.
      "no-control-regex": "off",
      "import/no-cycle": "error",
      "import/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Test helpers named use… (useServerAndPage, useStripeStandIn) are vitest set-up, not React hooks.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["app/**"],
    ignores: ["app/components/link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [remixLinks] }] },
  },
  {
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            remixLinks,
            { name: "~/db.server", message: "Routes call their capability module; database access lives there." },
            { name: "@prisma/client", message: "Routes call their capability module; Prisma lives there." },
          ],
        },
      ],
    },
  },
);
