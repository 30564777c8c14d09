import snowball from "snowball-stemmers";

const stemmer = snowball.newStemmer("russian");

/**
 * Russian function words and question words that never count as a match: they say how a
 * question is asked, not what it is about.
 */
export const RU_STOPWORDS: ReadonlySet<string> = new Set(
  `а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до
  его ее ей если есть еще же за и из или им их к как какая какие каким каких какого какое какой
  каком какую ко когда кого который которые которых кто ли либо мне мы на над надо не него нее нет
  ни них но ну о об однако он она они оно от по под при про с сам со так также такое такой там те
  тем то того тоже той только том ту ты у уже хотя чего чем что чтобы эта эти это этот этого этой
  этом я сколько скольких скольким насколько зачем почему откуда куда ведь разве неужели можно
  нужно будет будут будем является являются ваш наш мой свой свои своих очень просто сейчас
  теперь вообще какова каков каковы где-то скажите подскажите расскажите знаете интересно
  пожалуйста хочу хотел хотела узнать вопрос правда ли объем объема объемы уровень уровня количество
  число размер планируется планируют планирует планировалось запланировано ожидается предполагается`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/ё/g, "е")),
);

/** Stems one normalised Russian token with Snowball; numbers and Latin words pass unchanged. */
export function stemRu(token: string): string {
  if (!/[а-я]/.test(token)) return token;
  return stemmer.stem(token);
}
