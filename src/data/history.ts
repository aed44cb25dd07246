/**
 * The Astro adapter for page history: one lookup for the whole build, so the content folder's Git
 * history is read once (src/node/content-history.ts) and every blueprint and playbook page is
 * answered from it.
 */
import { contentDir } from '../node/content-files';
import { historyLookup } from '../node/content-history';
import { pageHistoryView, type PageHistoryView } from '../lib/content/history';

const lookup = historyLookup(process.cwd(), contentDir(process.cwd()));

/** What a page's "Page history" section shows, for the content file at `filePath`. */
export async function getPageHistory(filePath: string, dates: { published: Date; lastReviewed: Date }): Promise<PageHistoryView> {
  return pageHistoryView(dates, filePath ? await lookup(filePath) : undefined);
}
