/** Stand-in until submission lands: the "Submit batch" button, its dialog and the progress panel. */
export function SubmitBatch() {
  return null;
}
