import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../ipc/api";
import type { QuestionnaireInput } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { AUTOSAVE_DELAY_MS } from "../interviews/autosave/useAutosave";
import { aQuestionnaire } from "../interviews/testing";
import { QuestionnairePanel } from "./QuestionnairePanel";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

function field(name: string) {
  return screen.getByTestId<HTMLTextAreaElement>(`questionnaire-${name}`);
}

function status() {
  return screen.getByTestId("questionnaire-status");
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function savedAs(input: QuestionnaireInput) {
  return Promise.resolve(aQuestionnaire({ ...input, updatedAt: "2026-11-21T05:05:00Z" }));
}

describe("QuestionnairePanel", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    vi.setSystemTime(new Date("2026-11-21T05:00:00Z"));
    mocked.questionnaireFind.mockResolvedValue(aQuestionnaire({ programId: 11, qualifications: "中小企業診断士" }));
    mocked.questionnaireSave.mockImplementation(savedAs);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function setup() {
    const rendered = renderScreen(<QuestionnairePanel clientId={3} programId={11} />);
    await advance(0);
    return rendered;
  }

  it("opens with the stored answers, under the four questions of 「3年後に目指す自分」", async () => {
    await setup();
    expect(mocked.questionnaireFind).toHaveBeenCalledWith(3, 11);
    expect(field("qualifications").value).toBe("中小企業診断士");
    const labels = screen.getByTestId("questionnaire-panel").querySelectorAll("label");
    expect([...labels].map((label) => label.textContent)).toEqual([
      "スキル・知識どのようなスキルや知識を持ちたいか",
      "資格必要な資格はあるか",
      "収入・役割どんな年収や役職でありたいか",
      "プライベートプライベートではどうなっていたいか",
    ]);
  });

  it("saves all four answers together, once, after typing pauses", async () => {
    await setup();
    fireEvent.input(field("skills"), { target: { value: "マネジメント" } });
    fireEvent.input(field("private-life"), { target: { value: "家族との時間" } });
    expect(status().dataset.state).toBe("dirty");
    await advance(AUTOSAVE_DELAY_MS);

    expect(mocked.questionnaireSave).toHaveBeenCalledExactlyOnceWith({
      clientId: 3,
      programId: 11,
      skills: "マネジメント",
      qualifications: "中小企業診断士",
      incomeAndRole: "",
      privateLife: "家族との時間",
    });
    expect(status().dataset.state).toBe("saved");
  });

  it("saves nothing while a conversion is open in any answer", async () => {
    await setup();
    fireEvent.compositionStart(field("income-and-role"));
    fireEvent.input(field("income-and-role"), { target: { value: "かちょう" }, isComposing: true });
    fireEvent.blur(field("income-and-role"));
    await advance(AUTOSAVE_DELAY_MS * 3);
    expect(mocked.questionnaireSave).not.toHaveBeenCalled();

    fireEvent.input(field("income-and-role"), { target: { value: "課長" }, isComposing: true });
    fireEvent.compositionEnd(field("income-and-role"), { data: "課長" });
    await advance(0);
    expect(mocked.questionnaireSave).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ incomeAndRole: "課長", qualifications: "中小企業診断士" }),
    );
  });

  it("folds away without losing its text or its saving", async () => {
    await setup();
    fireEvent.input(field("skills"), { target: { value: "語学" } });
    fireEvent.click(screen.getByTestId("questionnaire-toggle"));
    expect(screen.getByTestId("questionnaire-toggle").getAttribute("aria-expanded")).toBe("false");
    expect(field("skills").closest("[hidden]")).not.toBeNull();
    await advance(AUTOSAVE_DELAY_MS);
    expect(mocked.questionnaireSave).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByTestId("questionnaire-toggle"));
    expect(field("skills").value).toBe("語学");
  });

  it("starts empty before the first save, and keeps the text when a save fails", async () => {
    mocked.questionnaireFind.mockResolvedValue(null);
    mocked.questionnaireSave.mockRejectedValueOnce(new AppError("storage"));
    await setup();
    expect(field("skills").value).toBe("");
    expect(status().textContent).toBe("");

    fireEvent.input(field("skills"), { target: { value: "簿記" } });
    await advance(AUTOSAVE_DELAY_MS);
    expect(status().dataset.state).toBe("error");
    expect(field("skills").value).toBe("簿記");

    fireEvent.blur(field("skills"));
    await advance(0);
    expect(mocked.questionnaireSave).toHaveBeenCalledTimes(2);
    expect(status().dataset.state).toBe("saved");
  });
});
