# Qazaq Digital Bot — русский.
# Ключи начинаются с имени функции бота: start-, help-, language-, ask-, report-, sub-, publish-.
# Описания команд — атрибуты ключа cmd-.

## Общее

cmd =
    .start = Начать и узнать, что умеет бот
    .help = Список команд
    .language = Сменить язык
    .report = Сообщить о медленном интернете
    .myreports = Мои обращения
    .subscribe = Подписка на новости программ
    .unsubscribe = Отписаться от всех новостей
    .cancel = Отменить текущее действие
    .deletemydata = Удалить мои данные

start-greeting =
    Здравствуйте, { $name }! Я бот о цифровых программах Казахстана.
    • Отвечаю на вопросы о DigitEL, 5G, цифровых документах и интернете в сёлах — просто напишите вопрос.
    • Принимаю жалобы на медленный интернет в вашем населённом пункте: /report
    • Присылаю новости программ по выбранным темам: /subscribe
start-button-report = 📶 Сообщить о медленном интернете
start-button-subscribe = 🔔 Подписаться на новости

help-text =
    Что я понимаю:
    /start — приветствие и возможности бота
    /report — сообщить о медленном интернете
    /myreports — мои обращения и их статусы
    /subscribe — подписка на новости программ
    /unsubscribe — отписаться от всех новостей
    /language — сменить язык (русский / қазақша)
    /cancel — отменить текущее действие
    /deletemydata — удалить мои данные
    Или просто задайте вопрос, например: «Когда запустят 5G?»

language-choose = Выберите язык:
language-set = Готово, теперь я говорю по-русски.
language-name-ru = 🇷🇺 Русский
language-name-kk = 🇰🇿 Қазақша

unsupported-message = Я понимаю текстовые вопросы и команды. Напишите вопрос словами или откройте /help.
error-generic = Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.
rate-limited = Слишком много сообщений подряд. Подождите немного, пожалуйста.
cancel-nothing = Сейчас нечего отменять.
unknown-command = Такой команды я не знаю. Список команд — /help.
button-outdated = Эта кнопка устарела.
conversation-stale = Бот обновился, и начатый диалог пришлось сбросить. Начните, пожалуйста, заново — например, /report.
conversation-expired = Начатый диалог закрыт: прошло больше суток без ответа. Начните заново, когда будет удобно.

## Вопросы и ответы

ask-source = Источник: { $outlet }, { $year }.
ask-source-announcement = Объявление { $outlet } от { $date }.
ask-no-answer = К сожалению, в моих материалах нет ответа на этот вопрос. Поищите информацию на портале egov.kz или позвоните в единый контакт-центр 1414.
ask-greeting = Здравствуйте! Я отвечаю на вопросы о DigitEL, 5G, цифровых документах и интернете в сёлах. Напишите свой вопрос.
ask-thanks = Пожалуйста! Если появятся ещё вопросы — пишите.
ask-related-title = Ещё можно спросить:
ask-feedback-up = 👍
ask-feedback-down = 👎
ask-feedback-thanks = Спасибо за отзыв!

## Вопросы: служебное

ask-too-long = Вопрос слишком длинный: не больше { $max } символов. Спросите, пожалуйста, короче.
ask-gaps-title = Частые вопросы без ответа за 30 дней (вопрос — сколько раз):
ask-gaps-empty = За последние 30 дней вопросов без ответа не было.
admin-only = Эта команда доступна только администраторам.

## Подписки и рассылки

sub-topic-digitel = DigitEL
sub-topic-mobile = 5G и мобильная связь
sub-topic-rural = Интернет в сёлах
sub-topic-egov = Цифровые документы и eGov
sub-topic-satellite = Спутниковый интернет
sub-menu-text = Выберите темы, по которым хотите получать новости. Нажмите на тему, чтобы подписаться или отписаться.
sub-menu-done = Готово
sub-summary = Вы подписаны на: { $topics }. Отписаться от всего — /unsubscribe.
sub-summary-none = Сейчас у вас нет подписок. Выбрать темы — /subscribe.
sub-toggled-on = Подписка оформлена: { $topic }
sub-toggled-off = Подписка отменена: { $topic }
sub-unsubscribed-all = Готово: вы отписались от всех новостей. Подписаться снова — /subscribe.
sub-unsubscribed-none = У вас и так нет подписок. Подписаться — /subscribe.
sub-update-header = 🔔 Новости: { $topic }
sub-button-unsubscribe-topic = 🔕 Отписаться от этой темы
sub-button-resubscribe = 🔔 Подписаться снова
sub-unsubscribed-topic = Вы отписались от темы «{ $topic }».
sub-resubscribed-topic = Вы снова подписаны на тему «{ $topic }».

publish-not-allowed = Публиковать новости могут только администраторы бота.
publish-choose-topic = Новая публикация. Выберите тему:
publish-ask-ru = Тема: { $topic }. Пришлите текст новости на русском языке (до 3500 символов).
publish-ask-kk = Теперь пришлите тот же текст на казахском языке.
publish-text-empty = Нужен текст новости — одним текстовым сообщением.
publish-text-too-long = Текст слишком длинный: { $length } символов, а можно не больше 3500. Сократите его, пожалуйста.
publish-preview = Так подписчики увидят новость — ниже обе версии:
publish-confirm = Отправить новость по теме «{ $topic }»? Подписчиков: { $count }.
publish-button-send = ✅ Отправить
publish-button-cancel = ✖️ Отмена
publish-cancelled = Публикация отменена.
publish-use-buttons = Выберите вариант кнопкой выше или отмените публикацию: /cancel
publish-delivery-unavailable = Новость сохранена, и бот уже отвечает на вопросы о ней. Но рассылка сейчас недоступна (очередь на Redis не работает), поэтому подписчики её не получат.
publish-progress =
    Рассылка по теме «{ $topic }»: { $status }
    Получателей: { $total }
    Отправлено: { $sent }
    Не доставлено: { $failed }
    Заблокировали бота: { $blocked }
    Пропущено: { $skipped }
    Осталось: { $remaining }
publish-status-preparing = готовится
publish-status-running = идёт
publish-status-done = завершена
publish-status-cancelled = остановлена
publish-button-refresh = 🔄 Обновить
publish-button-stop = ⛔ Остановить рассылку
publish-stopped = Рассылка остановлена.
publish-already-finished = Эта рассылка уже завершена.
publish-broadcasts-none = Рассылок пока не было.
