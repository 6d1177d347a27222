/** Stand-in until results land: the "Results" table of the latest submission. */
export function ResultsPage() {
  return <p>No submission yet.</p>;
}
