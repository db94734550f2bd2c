import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Tauri shell embeds ui/dist and serves it under a strict CSP
// (default-src 'self'; script-src 'self'; style-src 'self'). Everything here keeps the
// built output to plain files: one module script, one stylesheet, nothing inline.
export default defineConfig({
  plugins: [react()],
  // Tauri's dev server conventions: a fixed port the shell's devUrl points at, and no
  // screen clearing so Rust's output stays visible in the same terminal.
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebView2 on Windows is Chromium; WKWebView/WebKitGTK elsewhere (Tauri's documented targets).
    target: process.env.TAURI_ENV_PLATFORM === "windows" ? "chrome105" : "safari13",
    // Never turn assets into data: URIs; the CSP only admits the app's own files.
    assetsInlineLimit: 0,
    // The modulepreload polyfill is a fetch() of our own chunks; the webviews do not need it
    // and the bundle should contain no network call at all.
    modulePreload: { polyfill: false },
    // No source maps in the shipped app: they would only add size to the embedded assets.
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // Each test gives the mocked commands their answers afresh.
    mockReset: true,
  },
});
