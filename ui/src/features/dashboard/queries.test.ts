import { describe, expect, it } from "vitest";
import { aClient, aFlag, anInterview } from "../../test/apiMock";
import { clientMutations } from "../clients/queries";
import { flagInput, flagMutations } from "../flags/queries";
import { interviewMutations } from "../interviews/queries";
import { dashboardKeys } from "./queries";

/** Home gathers other features' records: each change to one of them must make it stale. */
describe("what makes Home out of date", () => {
  const details = {
    programId: null,
    kind: "follow_up",
    scheduledAt: "2026-11-24T14:30",
    heldAt: null,
    durationMinutes: null,
    place: null,
    purpose: null,
    theme: null,
    followUpDueOn: null,
  } as const;
  const interview = anInterview();
  const client = aClient();
  const flag = aFlag();

  it.each([
    ["creating an interview", interviewMutations.create.invalidates(interview, { clientId: 3, details })],
    ["changing an interview", interviewMutations.update.invalidates(interview, { interviewId: 7, details })],
    ["marking an interview held", interviewMutations.markHeld.invalidates(interview, 7)],
    ["raising a flag", flagMutations.raise.invalidates(flag, flagInput(flag))],
    ["handling a flag", flagMutations.update.invalidates(flag, { id: flag.id, input: flagInput(flag) })],
    ["adding a client", clientMutations.create.invalidates(client, { ...client })],
    ["renaming a client", clientMutations.update.invalidates(client, { id: client.id, input: { ...client } })],
  ])("%s", (_change, invalidated) => {
    expect(invalidated).toContainEqual(dashboardKeys.all);
  });
});
