import { describe, expect, it } from "vitest";
import { passphraseStrength } from "./passphraseStrength";

describe("passphraseStrength", () => {
  it("rates anything under the 8-character minimum as weak", () => {
    expect(passphraseStrength("")).toBe("weak");
    expect(passphraseStrength("Ab1!xyz")).toBe("weak");
  });

  it("rates 8 characters of one or two kinds as weak", () => {
    expect(passphraseStrength("password")).toBe("weak");
    expect(passphraseStrength("passw0rd")).toBe("weak");
  });

  it("rates short but varied, or long but plain, as fair", () => {
    expect(passphraseStrength("Pa55word")).toBe("fair");
    expect(passphraseStrength("correcthorse")).toBe("fair");
  });

  it("rates long and varied, or very long, as strong", () => {
    expect(passphraseStrength("Correct-horse-9")).toBe("strong");
    expect(passphraseStrength("correct horse battery staple")).toBe("strong");
  });

  it("does not reward repeating a few characters", () => {
    expect(passphraseStrength("aaaaaaaaaaaaaaaaaaaaaaaa")).toBe("weak");
    expect(passphraseStrength("abababababababababababab")).toBe("weak");
  });

  it("counts Japanese characters as characters, and as their own kind", () => {
    // 8 kana: long enough, one kind (Japanese) plus nothing else.
    expect(passphraseStrength("あおいそらとうみ")).toBe("weak");
    // Japanese + digits + a symbol: three kinds.
    expect(passphraseStrength("あおいそら2026!")).toBe("fair");
    expect(passphraseStrength("春はあけぼの、やうやう白くなりゆく")).toBe("fair");
    expect(passphraseStrength("春はあけぼの、やうやう白くなりゆく山ぎは")).toBe("strong");
  });
});
