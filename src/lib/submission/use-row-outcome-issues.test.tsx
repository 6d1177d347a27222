// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createRow } from "../../domain/batch/row.ts";
import { applyQueueEvent, createSubmission, finishSubmission } from "../../domain/submission/state.ts";
import { testServices } from "../../test/app-services.tsx";
import { AppServicesProvider } from "../services/app-services-context.tsx";
import { SubmissionStore } from "./submission-store.ts";
import { useRowOutcomeIssues } from "./use-row-outcome-issues.ts";

describe("useRowOutcomeIssues", () => {
  it("gives the composer a failed row's error on the property's cell", () => {
    const { state } = createSubmission({
      id: "s",
      now: 0,
      environment: { kind: "simulator" },
      rateLimit: { max: 100, intervalMs: 10_000 },
      rows: [1, 2].map((n) => ({ row: createRow({ hs_title: `Q${n}` }, `r${n}`), rowNumber: n })),
    });
    const settled = applyQueueEvent(state, {
      type: "settled",
      requestId: "s-r1",
      at: 1,
      phase: "complete",
      rows: [
        { rowId: "r1", outcome: "created", hubspotId: "5" },
        {
          rowId: "r2",
          outcome: "failed",
          error: { category: "VALIDATION_ERROR", message: "bad", propertyName: "hs_status" },
        },
      ],
    });
    const store = new SubmissionStore();
    store.show(finishSubmission(settled, { canceled: false }, 2));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AppServicesProvider services={testServices({ submissionStore: store })}>
        {children}
      </AppServicesProvider>
    );
    const { result } = renderHook(() => useRowOutcomeIssues(), { wrapper });
    expect([...result.current.keys()]).toEqual(["r2"]);
    expect(result.current.get("r2")?.[0]).toMatchObject({ columnKey: "hs_status", severity: "error" });
    // What the submission stored travels as the cause; the grid words it in the viewer's language.
    expect(result.current.get("r2")?.[0]?.message).toEqual({ code: "hubspot.rejected", cause: "bad" });
  });
});
