/** Stand-in until CSV import lands: the "Import CSV" control, the window drop overlay and the preview dialog. */
export function CsvImport() {
  return null;
}
