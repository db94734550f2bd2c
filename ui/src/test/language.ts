import { act } from "@testing-library/react";
import { applyLanguage } from "../i18n";
import type { Language } from "../ipc/api";

/** Switches the UI language the way the language select does, inside React's act(). */
export async function switchLanguage(language: Language): Promise<void> {
  await act(async () => {
    await applyLanguage(language);
  });
}
