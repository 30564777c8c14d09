import type { AskOptions, Knowledge, Reply } from "./types.js";

/** How many replies a process keeps: about 1 MB, enough for the questions asked again and again. */
export const REPLY_CACHE_SIZE = 2_000;

/**
 * The knowledge, remembering its replies to the questions asked most: the same text asked again
 * (a suggestion button sends the curated question word for word; popular questions repeat) is
 * answered without reading and ranking it again. A reply depends only on the text, the user's
 * language and the day (for "this year" and dated facts), and on the documents: any document
 * or announcement added empties the cache. Least recently asked goes first when it is full.
 */
export function cachedKnowledge(knowledge: Knowledge, size = REPLY_CACHE_SIZE): Knowledge {
  const replies = new Map<string, Reply>();
  return {
    ask(question: string, options: AskOptions = {}): Reply {
      const day = (options.now ?? new Date()).toISOString().slice(0, 10);
      const key = `${options.fallbackLang ?? ""}|${day}|${question}`;
      let reply = replies.get(key);
      if (reply === undefined) {
        reply = Object.freeze(knowledge.ask(question, options));
        if (replies.size >= size) replies.delete(replies.keys().next().value as string);
      } else replies.delete(key); // re-inserted below: the most recently asked is kept longest
      replies.set(key, reply);
      return reply;
    },
    addDocument(doc) {
      knowledge.addDocument(doc);
      replies.clear();
    },
    addAnnouncement(announcement) {
      knowledge.addAnnouncement(announcement);
      replies.clear();
    },
    detectLanguage: (text, fallback) => knowledge.detectLanguage(text, fallback),
    inspect: (docId) => knowledge.inspect(docId),
  };
}
