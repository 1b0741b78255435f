package org.bridgeway.directory.exchange;

/** Receives the progress of an import, from whichever thread does the work. */
interface ImportProgress {

  /** A new phase begins, with this many items (0 when not known). */
  void phase(ImportStatus status, int total);

  /** Some more items of the current phase are done. */
  void advance(int items);

  ImportProgress NONE =
      new ImportProgress() {
        @Override
        public void phase(ImportStatus status, int total) {}

        @Override
        public void advance(int items) {}
      };
}
