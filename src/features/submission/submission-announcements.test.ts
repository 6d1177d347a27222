import { describe, expect, it } from "vitest";
import { type ProgressPoint, submissionAnnouncement } from "./submission-announcements.ts";

const point = (over: Partial<ProgressPoint>): ProgressPoint => ({
  id: "s1",
  status: "running",
  done: 0,
  total: 200,
  created: 0,
  failed: 0,
  unknown: 0,
  notSent: 0,
  waiting: false,
  ...over,
});

/** Runs a sequence of points and keeps what would have been said. */
function spoken(points: ProgressPoint[]): string[] {
  const said: string[] = [];
  let previous: ProgressPoint | undefined;
  for (const next of points) {
    const message = submissionAnnouncement(previous, next);
    if (message) said.push(`${message.id} ${JSON.stringify(message.values)}`);
    previous = next;
  }
  return said;
}

describe("submissionAnnouncement", () => {
  it("says started, each quarter (not every request), and finished with counts", () => {
    const run = [0, 10, 40, 50, 60, 100, 120, 150, 199].map((done) => point({ done, created: done }));
    run.push(point({ status: "done", done: 200, created: 190, failed: 10 }));
    expect(spoken(run)).toEqual([
      'a11y.submission.started {"total":200}',
      'a11y.submission.progress {"done":50,"total":200}',
      'a11y.submission.progress {"done":100,"total":200}',
      'a11y.submission.progress {"done":150,"total":200}',
      'a11y.submission.finished {"created":190,"failed":10,"unknown":0,"notSent":0}',
    ]);
  });

  it("says when sending waits for the rate limit, once per wait", () => {
    expect(
      spoken([point({}), point({ waiting: true }), point({ waiting: true }), point({ waiting: false })]),
    ).toEqual(['a11y.submission.started {"total":200}', "a11y.submission.waiting {}"]);
  });

  it("says why a run stopped: HubSpot's daily limit or an error with its message", () => {
    const limit = spoken([
      point({ done: 30 }),
      point({ status: "stopped", created: 30, notSent: 170, stop: { kind: "rate-limit", message: "x" } }),
    ]);
    expect(limit[1]).toBe(
      'a11y.submission.stoppedRateLimit {"created":30,"failed":0,"unknown":0,"notSent":170}',
    );
    const error = spoken([
      point({}),
      point({ status: "stopped", stop: { kind: "error", message: "The server cannot be reached." } }),
    ]);
    expect(error[1]).toContain('"reason":"The server cannot be reached."');
    expect(spoken([point({}), point({ status: "canceled", created: 5, notSent: 195 })])[1]).toBe(
      'a11y.submission.canceled {"created":5,"failed":0,"unknown":0,"notSent":195}',
    );
  });

  it("says nothing about a run that was already over, and starts afresh for a new run", () => {
    expect(spoken([point({ status: "done", done: 200 })])).toEqual([]);
    expect(spoken([point({ status: "done", done: 200 }), point({ id: "s2", done: 0 })])).toEqual([
      'a11y.submission.started {"total":200}',
    ]);
  });
});
