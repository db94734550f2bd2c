import { QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NavigateContext, useRouter } from "../../app/navigation";
import { createQueryClient } from "../../app/queryClient";
import { api } from "../../ipc/api";
import type { SheetSection } from "../../ipc/api";
import { AppError } from "../../ipc/appError";
import { deferred } from "../../test/apiMock";
import type { ApiMock } from "../../test/apiMock";
import { renderScreen } from "../../test/render";
import { PendingSavesProvider } from "../../shared/pendingSaves";
import { AUTOSAVE_DELAY_MS } from "./autosave/useAutosave";
import { InterviewScreen } from "./InterviewScreen";
import { aSheet, answerInterviewPage } from "./testing";

vi.mock("../../ipc/api", async () => (await import("../../test/apiMock")).apiModuleMock());
const mocked = api as unknown as ApiMock;

const SECTION_2 = 202;

function notes() {
  return screen.getByTestId<HTMLTextAreaElement>("note-editor");
}

function section(number: number) {
  return screen.getByTestId<HTMLTextAreaElement>(`sheet-section-${number}`);
}

/** Focuses the notes with the caret inside `fragment`. */
function caretIn(fragment: string) {
  const at = notes().value.indexOf(fragment) + 1;
  act(() => {
    notes().focus();
    notes().setSelectionRange(at, at);
  });
}

function capturedAs(text: string): SheetSection {
  return { ...aSheet(7)[1]!, text, updatedAt: "2026-11-21T05:06:00Z" };
}

async function openPage() {
  const user = userEvent.setup();
  const rendered = renderScreen(<InterviewScreen interviewId={7} />);
  await screen.findByTestId("sheet-section-7");
  return { user, ...rendered };
}

describe("capture while listening, on the interview page", () => {
  beforeEach(() => {
    answerInterviewPage(mocked);
  });

  it("files the caret's line under section 2 on Alt+2, and the section shows it", async () => {
    mocked.sheetCapture.mockResolvedValue(capturedAs("転職を考えている"));
    const { user, queryClient } = await openPage();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    caretIn("転職");

    await user.keyboard("{Alt>}2{/Alt}");

    expect(mocked.sheetCapture).toHaveBeenCalledExactlyOnceWith(SECTION_2, "転職を考えている");
    await waitFor(() => {
      expect(section(2).value).toBe("転職を考えている");
    });
    expect(screen.getByTestId("capture-status").textContent).toBe("『中長期のビジョン』に追加しました");
    expect(screen.getByTestId("sheet-status-2").dataset.state).toBe("saved");
    expect(notes().value).toBe("営業10年目\n転職を考えている");
    expect(document.activeElement).toBe(notes());
    // The capture is stored as it is: no second save of the section follows it.
    expect(mocked.sheetSaveSection).not.toHaveBeenCalled();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["interviews", "sheet", 7] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["interviews", "history", 7] });
  });

  it("files through the picker too (Ctrl+Enter, a title, Enter)", async () => {
    mocked.sheetCapture.mockResolvedValue({ ...aSheet(7)[2]!, text: "営業10年目" });
    const { user } = await openPage();
    caretIn("営業");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await user.keyboard("強み{Enter}");
    expect(mocked.sheetCapture).toHaveBeenCalledExactlyOnceWith(203, "営業10年目");
    await waitFor(() => {
      expect(section(3).value).toBe("営業10年目");
    });
  });

  it("loses nothing typed in the section: the passage joins the unsaved text, saved together", async () => {
    const { user } = await openPage();
    // Typed into section 2 and not saved yet (the delay has not run out).
    fireEvent.change(section(2), { target: { value: "5年後は管理職に" } });
    expect(screen.getByTestId("sheet-status-2").dataset.state).toBe("dirty");
    caretIn("転職");

    await user.keyboard("{Alt>}2{/Alt}");

    await waitFor(() => {
      expect(mocked.sheetSaveSection).toHaveBeenCalledWith(SECTION_2, "5年後は管理職に\n転職を考えている");
    });
    expect(mocked.sheetCapture).not.toHaveBeenCalled();
    expect(section(2).value).toBe("5年後は管理職に\n転職を考えている");
    await waitFor(() => {
      expect(screen.getByTestId("sheet-status-2").dataset.state).toBe("saved");
    });
  });

  it("keeps what is typed into the section while a capture is being stored", async () => {
    const stored = deferred<SheetSection>();
    mocked.sheetCapture.mockReturnValue(stored.promise);
    const { user } = await openPage();
    caretIn("転職");
    await user.keyboard("{Alt>}2{/Alt}");
    fireEvent.change(section(2), { target: { value: "書きかけ" } });

    await act(async () => {
      stored.resolve(capturedAs("転職を考えている"));
      await stored.promise;
    });

    expect(section(2).value).toBe("書きかけ\n転職を考えている");
    fireEvent.blur(section(2));
    await waitFor(() => {
      expect(mocked.sheetSaveSection).toHaveBeenCalledExactlyOnceWith(SECTION_2, "書きかけ\n転職を考えている");
    });
  });

  it("reports a failed capture and leaves notes and section as they were", async () => {
    mocked.sheetCapture.mockRejectedValue(new AppError("storage"));
    const { user } = await openPage();
    caretIn("転職");
    await user.keyboard("{Alt>}2{/Alt}");
    await waitFor(() => {
      expect(screen.getByTestId("capture-status").dataset.state).toBe("failed");
    });
    expect(section(2).value).toBe("");
    expect(screen.getByTestId("sheet-status-2").dataset.state).toBe("saved");
    expect(notes().value).toBe("営業10年目\n転職を考えている");
  });
});

describe("sheet sections autosave", () => {
  beforeEach(() => {
    answerInterviewPage(mocked);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves a section after the delay, and never while an IME composition is open", async () => {
    await openPage();
    vi.useFakeTimers({ shouldAdvanceTime: false });
    const field = section(4);

    fireEvent.compositionStart(field);
    fireEvent.input(field, { target: { value: "あんていせい" }, isComposing: true });
    fireEvent.blur(field);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    });
    expect(mocked.sheetSaveSection).not.toHaveBeenCalled();
    expect(screen.getByTestId("sheet-status-4").dataset.state).toBe("dirty");

    // The blur during the conversion is honoured once it is confirmed.
    fireEvent.input(field, { target: { value: "安定性" }, isComposing: true });
    fireEvent.compositionEnd(field, { data: "安定性" });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(mocked.sheetSaveSection).toHaveBeenCalledExactlyOnceWith(204, "安定性");
    expect(screen.getByTestId("sheet-status-4").dataset.state).toBe("saved");
  });

  it("keeps the text and shows the error when a section's save fails", async () => {
    mocked.sheetSaveSection.mockRejectedValue(new AppError("storage"));
    await openPage();
    fireEvent.change(section(5), { target: { value: "主体性" } });
    fireEvent.blur(section(5));
    await waitFor(() => {
      expect(screen.getByTestId("sheet-status-5").dataset.state).toBe("error");
    });
    expect(section(5).value).toBe("主体性");
    expect(screen.getByTestId("sheet-status-5").textContent).toContain("保存できませんでした");
  });
});

/** The interview page as the workspace hosts it: navigate() saves what is open first. */
function Workspace() {
  const { route, navigate } = useRouter({ name: "interview", interviewId: 7 });
  return (
    <NavigateContext value={navigate}>
      {route.name === "interview" ? <InterviewScreen interviewId={route.interviewId} /> : <p data-testid="elsewhere" />}
    </NavigateContext>
  );
}

function renderWorkspace() {
  const queryClient = createQueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <PendingSavesProvider>
        <Workspace />
      </PendingSavesProvider>
    </QueryClientProvider>,
  );
}

describe("leaving the interview page", () => {
  beforeEach(() => {
    answerInterviewPage(mocked);
  });

  it("stores the notes, each section and the questionnaire before it goes", async () => {
    mocked.questionnaireSave.mockImplementation((input) =>
      Promise.resolve({ id: 41, ...input, createdAt: "2026-11-21T05:00:00Z", updatedAt: "2026-11-21T05:00:00Z" }),
    );
    renderWorkspace();
    await screen.findByTestId("sheet-section-7");
    const user = userEvent.setup();
    const typed = (testId: string, value: string) => {
      fireEvent.change(screen.getByTestId(testId), { target: { value } });
    };
    typed("note-editor", "営業10年目\n転職を考えている\n上司との関係");
    typed("sheet-section-1", "繁忙期の残業");
    typed("sheet-section-6", "在宅勤務あり");
    typed("questionnaire-skills", "データ分析");

    await user.click(screen.getByTestId("back-to-client"));

    await screen.findByTestId("elsewhere");
    expect(mocked.interviewSaveNotes).toHaveBeenCalledExactlyOnceWith(7, "営業10年目\n転職を考えている\n上司との関係");
    expect(mocked.sheetSaveSection.mock.calls).toEqual(
      expect.arrayContaining([
        [201, "繁忙期の残業"],
        [206, "在宅勤務あり"],
      ]),
    );
    expect(mocked.sheetSaveSection).toHaveBeenCalledTimes(2);
    expect(mocked.questionnaireSave).toHaveBeenCalledExactlyOnceWith({
      clientId: 3,
      programId: null,
      skills: "データ分析",
      qualifications: "",
      incomeAndRole: "",
      privateLife: "",
    });
  });

  it("stays, with the text, when a save fails", async () => {
    mocked.sheetSaveSection.mockRejectedValue(new AppError("storage"));
    renderWorkspace();
    await screen.findByTestId("sheet-section-7");
    fireEvent.change(section(3), { target: { value: "顧客との信頼関係" } });

    await userEvent.setup().click(screen.getByTestId("back-to-client"));

    await waitFor(() => {
      expect(screen.getByTestId("sheet-status-3").dataset.state).toBe("error");
    });
    expect(screen.queryByTestId("elsewhere")).toBeNull();
    expect(section(3).value).toBe("顧客との信頼関係");
  });
});
