import type { App } from '../app.ts';

export type ReportFormat = 'md' | 'html' | 'xlsx' | 'csv' | 'json';

/** Placeholder until the reports land (issue 5). */
export async function generateReports(
  app: App,
  opts: { formats: ReportFormat[]; outDir: string; kinds?: ('treasury' | 'costs')[]; companies?: string[] },
): Promise<{ files: string[] }> {
  void app;
  void opts;
  return { files: [] };
}
