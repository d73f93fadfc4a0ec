/** Where a report's rows go, one at a time, so no more than a page is ever in memory. */
export interface ReportWriter<R> {
  write(row: R): Promise<void>;
  /** Flushes and closes the file; answers its size in bytes. */
  close(): Promise<number>;
}
