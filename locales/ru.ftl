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
conversation-too-long = Диалог стал слишком длинным, и я его сбросил. Начните, пожалуйста, заново — например, /report.

## Вопросы и ответы

ask-source = Источник: { $outlet }, { $year }.
ask-source-announcement = Объявление { $outlet } от { $date }.
ask-none-no-answer = В моих материалах нет ответа на этот вопрос. Я рассказываю о цифровом развитии Казахстана: интернет в сёлах, 5G, DigitEL, цифровые документы и госуслуги онлайн.
ask-none-off-topic = Это не моя тема: я отвечаю на вопросы о цифровом развитии Казахстана — интернет в сёлах, 5G, DigitEL, цифровые документы и госуслуги онлайн.
ask-none-state-service = Об этой госуслуге в моих материалах ничего нет. Порядок её получения есть на портале egov.kz, а в единый контакт-центр 1414 можно позвонить бесплатно.
ask-none-complaint = Жаль, что связь вас подводит. Сообщите о проблеме: я передам её модераторам, а они — оператору связи.
ask-suggestions-title = Я могу ответить, например, на такие вопросы:
ask-quoted = В источнике на { $from ->
    [kk] казахском
   *[ru] русском
  } языке ({ $outlet }, { $year }): «{ $text }»
ask-dated = По данным на { $year } год: { $text }
ask-renamed = { $old } с { $since } года называется { $new }.
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

## Обращения о медленном интернете

report-intro = Давайте составим обращение о плохом интернете — это 8 коротких вопросов. Отменить можно в любой момент кнопкой «✖ Отмена» или командой /cancel.
report-step = Шаг { $n } из { $total }
report-ask-region = В каком регионе находится ваш населённый пункт?
report-ask-settlement = Напишите название населённого пункта (село, посёлок, город), например: Иртышск или с. Жана-Аул.
report-ask-operator = У какого оператора плохо работает интернет?
report-ask-connection = Как вы подключены к интернету?
report-ask-problem = Что именно не так?
report-ask-speed = Какую скорость показал замер (например, в Speedtest)? Напишите число в Мбит/с, например 1,5, или нажмите «Не знаю».
report-ask-location = Отправьте геолокацию места, где плохая связь, кнопкой «📍 Отправить геолокацию» внизу экрана. Если не хотите, нажмите «Пропустить».
report-ask-comment = Хотите что-то добавить? Напишите комментарий (до { $max } символов) или нажмите «Пропустить».
report-current = Сейчас: { $value }
report-button-back = ⬅ Назад
report-button-cancel = ✖ Отмена
report-button-skip = Пропустить
report-button-dont-know = Не знаю
report-button-share-location = 📍 Отправить геолокацию
report-button-send = ✅ Отправить
report-button-edit = ✏ Изменить
report-button-consent = ✅ Даю согласие
report-button-outdated = Эта кнопка относится к другому вопросу.
report-button-finished = Это обращение уже отправлено или отменено.
report-hint-choose = Пожалуйста, выберите вариант кнопкой ниже.
report-hint-text = Пожалуйста, ответьте текстом.
report-hint-command = Сейчас заполняется обращение. Ответьте на вопрос ниже или отправьте /cancel, чтобы его отменить.
report-hint-no-location = Геолокация здесь не нужна — ответьте, пожалуйста, на вопрос.
report-settlement-invalid = Это не похоже на название населённого пункта. Нужно от { $min } до { $max } символов: буквы, цифры, пробелы и дефисы (можно также точку и апостроф).
report-speed-invalid = Не удалось понять скорость. Напишите число от 0 до 10000 в Мбит/с, например 2 или 0,5, или нажмите «Не знаю».
report-location-hint = Нажмите кнопку «📍 Отправить геолокацию» внизу экрана или «Пропустить».
report-location-outside = Эта точка находится за пределами Казахстана. Отправьте геолокацию места в Казахстане, где плохая связь, или нажмите «Пропустить».
report-location-saved = 📍 Геолокация получена.
report-location-skipped = Хорошо, без геолокации.
report-going-back = Возвращаемся к предыдущему вопросу.
report-comment-too-long = Комментарий слишком длинный: { $length } символов, а можно не больше { $max }. Сократите его, пожалуйста.
report-summary-title = Проверьте обращение:
report-edit-which = Что изменить?
report-consent-ask = Чтобы отправить обращение, нужно ваше согласие на обработку данных. Мы храним ваш Telegram ID и ответы из обращения, номер телефона не запрашиваем. Обращение увидят модераторы, а обезличенные данные войдут в сводки о качестве связи. Отвязать обращения от себя можно командой /deletemydata.
report-cancelled = Обращение отменено. Чтобы начать заново, отправьте /report.
report-sent =
    Спасибо! Обращение зарегистрировано под номером { $reference }.
    Что дальше: модераторы проверят обращение, а когда его статус изменится (принято, решено или отклонено), я вам напишу. Обращения из одного населённого пункта мы собираем вместе, чтобы проблему быстрее заметили. Все ваши обращения — /myreports.
report-save-failed = Не удалось сохранить обращение, но ваши ответы не потерялись. Попробуйте нажать «Отправить» ещё раз через минуту.
report-invalid = В обращении что-то заполнено неверно. Нажмите «Изменить» и проверьте ответы.
report-field-region = Регион
report-field-settlement = Населённый пункт
report-field-operator = Оператор
report-field-connection = Подключение
report-field-problem = Проблема
report-field-speed = Скорость
report-field-location = Геолокация
report-field-comment = Комментарий
report-value-missing = —
report-value-unknown = не знаю
report-value-skipped = не указано
report-value-speed = { $speed } Мбит/с
report-connection-mobile-2g = 📱 Мобильный 2G
report-connection-mobile-3g = 📱 Мобильный 3G
report-connection-mobile-4g = 📱 Мобильный 4G
report-connection-mobile-5g = 📱 Мобильный 5G
report-connection-adsl = ☎ ADSL (телефонная линия)
report-connection-fibre = 💡 Оптоволокно
report-connection-satellite = 🛰 Спутниковый
report-connection-unknown = ❓ Не знаю
report-problem-slow = 🐢 Низкая скорость
report-problem-none = 🚫 Связи нет совсем
report-problem-drops = 📉 Связь обрывается
report-problem-other = ✏ Другое
report-status-new = Новое
report-status-accepted = Принято
report-status-resolved = Решено
report-status-rejected = Отклонено
report-status-changed = Статус вашего обращения { $reference } ({ $settlement }) изменился: { $status }.
report-mod-title = 📶 Обращение { $reference }
report-mod-created = Поступило: { $date }
report-mod-status = Статус: { $status }
report-mod-status-by = Статус: { $status } — изменил(а) { $by }, { $date }
report-mod-button-accepted = ✅ Принято
report-mod-button-resolved = 🛠 Решено
report-mod-button-rejected = ⛔ Отклонено
report-mod-not-allowed = Менять статус обращений могут только администраторы.
report-mod-not-found = Обращение не найдено.
report-mod-same-status = У обращения уже статус «{ $status }».
report-mod-status-set = Статус: { $status }
report-place-summary =
    ⚠ { $settlement } ({ $region }): { $count } { $count ->
        [one] обращение
        [few] обращения
       *[many] обращений
    } за последние { $days } дней.
    Операторы: { $operators }.
    Медианная скорость: { $median } (замеров: { $measured }).
    Обращения: { $references }
report-my-title = Ваши обращения:
report-my-line = { $reference } · { $date } · { $settlement } — { $status }
report-my-empty = У вас пока нет обращений. Сообщить о плохом интернете — /report.
report-export-forbidden = Эта команда доступна только администраторам.
report-export-usage = Формат: /export region=pavlodar from=2026-01-01 to=2026-12-31 (каждая часть необязательна).
report-export-bad-argument = Не понимаю аргумент «{ $argument }».
report-export-bad-region = Неизвестный регион «{ $region }». Допустимые значения: { $regions }.
report-export-bad-date = Неверная дата «{ $date }»: нужен формат ГГГГ-ММ-ДД.
report-export-bad-range = Дата from должна быть не позже даты to.
report-export-empty = Обращений с такими условиями нет.
report-export-caption = Обращений в файле: { $count }.

## Личные данные

privacy-delete-confirm = Удалить ваши данные? Обращения останутся для статистики министерства, но без связи с вами, без комментария и без точных координат. Подписки, голоса за ответы, настройки бота, согласие на обработку данных и незавершённый диалог будут удалены.
privacy-delete-yes = 🗑 Да, удалить
privacy-delete-no = Нет, оставить
privacy-delete-kept = Хорошо, ничего не удалено.
privacy-deleted = Готово: ваши данные удалены. Отвязано обращений: { $count }, отменено подписок: { $topics }.

# Reliability and security
auth-admin-only = Эта команда доступна только администраторам.
auth-private-only = Команды администратора работают только в личном чате с ботом: напишите мне туда.
group-use-private = Я отвечаю на вопросы, принимаю обращения и присылаю новости в личном чате: напишите мне — @{ $username }.
group-use-private-short = Напишите мне в личный чат.
group-open-private = Открыть чат с ботом
privacy-masked-notice = 🔒 Я скрыл номер телефона или ИИН в вашем сообщении: персональные данные я не храню и никому не пересылаю.
flood-limited = Слишком много сообщений подряд. Я не отвечаю на новые в течение { $seconds } с — потом напишите ещё раз, пожалуйста.
error-store-unavailable = Сейчас это временно недоступно. Попробуйте ещё раз через минуту.
