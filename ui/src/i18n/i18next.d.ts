import "i18next";
import type { Messages } from "./resources";

// Typed keys: `t("clients.nmae")` or a missing message is a compile error.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
