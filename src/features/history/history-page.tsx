/** Stand-in until history lands: past submissions kept in IndexedDB. */
export function HistoryPage() {
  return <p>No past submissions.</p>;
}
