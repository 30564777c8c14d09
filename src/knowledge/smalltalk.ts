import { words } from "./text.js";

const GREETING: ReadonlySet<string> = new Set(
  `привет приветствую здравствуй здравствуйте добрый доброе доброго день утро вечер салам салем
  сәлем сәлеметсіз сәлеметсиз салеметсиз бе хай hello hi қайырлы кайырлы таң кеш ассалаумағалейкум
  ассалаумагалейкум`
    .split(/\s+/)
    .filter(Boolean),
);

const THANKS: ReadonlySet<string> = new Set(
  `спасибо благодарю спс пасиб рақмет рахмет рахмет рахмат рақмет көп кöп коп thanks thank you
  сізге сизге большое огромное`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that may accompany a greeting or thanks without turning it into a question. */
const FILLER: ReadonlySet<string> = new Set(
  `хорошо ок окей ладно ясно понятно отлично супер да ага всё все бот жақсы жаксы түсінікті
  тусиникти иә ия бәрі бари вам тебе и ну`
    .split(/\s+/)
    .filter(Boolean),
);

/** A message made only of greetings, thanks and filler words; null when it asks something. */
export function classifySmalltalk(text: string): "greeting" | "thanks" | null {
  const tokens = words(text);
  if (tokens.length === 0 || tokens.length > 8) return null;
  let greeting = false;
  let thanks = false;
  for (const token of tokens) {
    if (THANKS.has(token)) thanks = true;
    else if (GREETING.has(token)) greeting = true;
    else if (!FILLER.has(token)) return null;
  }
  if (thanks) return "thanks";
  return greeting ? "greeting" : null;
}
