// The spreadsheet libraries are large (exceljs about 200 KB compressed) and only the
// portal's monthly table uses them, so no page downloads them on a first visit. Once a
// clerk turns to the table (a focus, a tap or a file dragged over it) while online, they
// are fetched in the background; the service worker keeps them, so that importing and
// exporting .xlsx then works offline too.
const LIBRARIES = ['vendor/papaparse.min.js', 'vendor/exceljs.min.js'];

/** Fetches the spreadsheet libraries once, on the first sign of use inside `region`. */
export function prefetchSpreadsheetLibraries(region) {
  if (!region) return;
  const events = ['focusin', 'pointerdown', 'dragenter'];
  const fetchOnce = () => {
    for (const type of events) region.removeEventListener(type, fetchOnce, true);
    if (!navigator.onLine) return;
    for (const url of LIBRARIES) fetch(url).catch(() => {});
  };
  for (const type of events) region.addEventListener(type, fetchOnce, true);
}
