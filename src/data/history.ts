/**
 * The Astro adapter for page history: one lookup for the whole build, answering every blueprint
 * and playbook page from the single read of the content folder's Git history that the build
 * started early (src/integrations/page-history.ts), or, in `astro dev`, that the first page starts.
 */
import { contentDir } from '../node/content-files';
import { historyLookup, readContentHistory } from '../node/content-history';
import { takeContentHistory } from '../integrations/page-history-slot';
import { pageHistoryView, type PageHistoryView } from '../lib/content/history';

const root = process.cwd();
const dir = contentDir(root);
const lookup = historyLookup(root, dir, () => takeContentHistory() ?? readContentHistory(dir));

/** What a page's "Page history" section shows, for the content file at `filePath`. */
export async function getPageHistory(filePath: string, dates: { published: Date; lastReviewed: Date }): Promise<PageHistoryView> {
  return pageHistoryView(dates, filePath ? await lookup(filePath) : undefined);
}
