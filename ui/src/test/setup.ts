import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { applyLanguage, initI18n } from "../i18n";

initI18n("ja");

afterEach(async () => {
  cleanup();
  // Every test starts in Japanese, the app's default.
  await applyLanguage("ja");
});
