# Qazaq Digital Bot — қазақша.
# Кілттер бот функциясының атымен басталады: start-, help-, language-, ask-, report-, sub-, publish-.
# Команда сипаттамалары — cmd- кілтінің атрибуттары.

## Жалпы

cmd =
    .start = Ботты бастау және мүмкіндіктерімен танысу
    .help = Командалар тізімі
    .language = Тілді ауыстыру
    .report = Интернет нашар екенін хабарлау
    .myreports = Менің өтініштерім
    .subscribe = Бағдарлама жаңалықтарына жазылу
    .unsubscribe = Барлық жазылымнан бас тарту
    .cancel = Басталған әрекетті тоқтату
    .deletemydata = Деректерімді жою

start-greeting =
    Сәлеметсіз бе, { $name }! Мен Қазақстанның цифрлық бағдарламалары туралы ботпын.
    • DigitEL, 5G, цифрлық құжаттар және ауылдағы интернет туралы сұрақтарға жауап беремін — сұрағыңызды жазыңыз.
    • Елді мекеніңізде интернет нашар болса, өтінішіңізді қабылдаймын.
    • Таңдаған тақырыптарыңыз бойынша бағдарлама жаңалықтарын жіберіп отырамын.
    Мұның бәрі экранның төменгі жағындағы мәзір түймелерінде.

menu-ask = ❓ Сұрақ қою
menu-report = 📶 Интернет нашар
menu-myreports = 📋 Өтініштерім
menu-subscribe = 🔔 Жазылымдар
menu-language = 🌐 Тіл · Язык
menu-ask-prompt = Сұрағыңызды өз сөзіңізбен жаза беріңіз, цифрлық бағдарламалар туралы материалдарға сүйеніп жауап беремін. Мысалы: «5G қашан іске қосылады?» немесе «Қанша ауылға интернет тартылады?»
voice-reply = Өкінішке қарай, дауыстық хабарламаны тыңдай алмаймын. Мәтінмен жазыңызшы немесе төмендегі мәзірден керегін таңдаңыз.

help-text =
    Мен түсінетін командалар:
    /start — сәлемдесу және боттың мүмкіндіктері
    /report — интернет нашар екенін хабарлау
    /myreports — өтініштерім және олардың күйі
    /subscribe — бағдарлама жаңалықтарына жазылу
    /unsubscribe — барлық жазылымнан бас тарту
    /language — тілді ауыстыру (орысша / қазақша)
    /cancel — басталған әрекетті тоқтату
    /deletemydata — деректерімді жою
    Немесе сұрағыңызды жаза беріңіз, мысалы: «5G қашан іске қосылады?» Осы әрекеттердің бәрі төмендегі мәзірде де бар.
help-admin =
    Әкімшіге арналған командалар:
    /gaps — жауапсыз қалған жиі сұрақтар және ең көп ұнамаған жауаптар
    /export — өтініштер CSV файлымен (region=… from=КК.АА.ЖЖЖЖ to=КК.АА.ЖЖЖЖ)
    /publish — жазылушыларға жаңалық жариялау
    /broadcasts — соңғы таратулар және олардың барысы

language-choose = Тілді таңдаңыз:
language-set = Жарайды, енді қазақша сөйлесеміз.
language-name-ru = 🇷🇺 Русский
language-name-kk = 🇰🇿 Қазақша

unsupported-message = Мен мәтін мен түймелерді түсінемін. Сұрағыңызды сөзбен жазыңыз немесе төмендегі мәзірден керегін таңдаңыз.
error-generic = Кешіріңіз, бір қате шықты. Сәлден кейін қайталап көріңізші.
rate-limited = Хабарламаны тым жиі жіберіп жатырсыз. Сәл күте тұрыңызшы.
cancel-nothing = Қазір тоқтататын ештеңе жоқ.
unknown-command = Мұндай команданы білмеймін. Командалар тізімі — /help.
button-outdated = Бұл түйме енді жарамайды.
conversation-stale = Бот жаңартылды, сондықтан басталған әрекет үзіліп қалды. Қайтадан бастаңызшы, мысалы, /report.
conversation-expired = Бір тәуліктен астам жауап болмағандықтан, басталған әрекет жабылды. Ыңғайлы кезде қайта бастаңыз.

## Сұрақтар мен жауаптар

ask-source = Дереккөз: { $outlet }, { $year } ж.
ask-source-announcement = { $outlet } хабарландыруы, { $date }.
ask-none-no-answer = Менің материалдарымда бұл сұраққа жауап жоқ. Мен Қазақстанның цифрлық дамуы туралы айтамын: ауылдағы интернет, 5G, DigitEL, цифрлық құжаттар мен онлайн мемлекеттік қызметтер.
ask-none-off-topic = Бұл менің тақырыбым емес: мен Қазақстанның цифрлық дамуы туралы сұрақтарға жауап беремін — ауылдағы интернет, 5G, DigitEL, цифрлық құжаттар мен онлайн мемлекеттік қызметтер.
ask-none-state-service = Бұл мемлекеттік қызмет туралы менің материалдарымда ештеңе жоқ. Оны алу тәртібін egov.kz порталынан көруге болады, ал 1414 бірыңғай байланыс орталығына тегін қоңырау шалуға болады.
ask-none-complaint = Байланыстың нашарлығы өкінішті. Мәселе туралы хабарлаңыз: мен оны модераторларға жеткіземін, олар байланыс операторына береді.
ask-suggestions-title = Мысалы, мына сұрақтарға жауап бере аламын:
ask-quoted = { $from ->
    [ru] Орыс
   *[kk] Қазақ
  } тіліндегі дереккөзде ({ $outlet }, { $year }): «{ $text }»
ask-dated = { $year } жылғы дерек бойынша: { $text }
ask-renamed = { $old } { $since } жылдан бері { $new } деп аталады.
ask-greeting = Сәлеметсіз бе! Мен DigitEL, 5G, цифрлық құжаттар және ауылдағы интернет туралы сұрақтарға жауап беремін. Сұрағыңызды жазыңыз.
ask-thanks = Оқасы жоқ! Тағы сұрағыңыз болса, жаза беріңіз.
ask-related-title = Мынаны да сұрай аласыз:
ask-feedback-up = 👍
ask-feedback-down = 👎
ask-feedback-thanks = Пікіріңізге рақмет!
ask-button-report = 📶 Интернет нашар екенін хабарлау
ask-why-question = Жауап көмектеспегеніне өкінемін. Оның несі дұрыс емес?
ask-why-wrong = Қате
ask-why-outdated = Ескірген
ask-why-not-asked = Сұрағаным бұл емес
ask-why-other = Басқа
ask-why-thanks = Рақмет, ескереміз: «{ $reason }». Мұндай пікір жауаптарды түзетуге көмектеседі.

## Сұрақтар: қызметтік

ask-too-long = Сұрақ тым ұзын: { $max } таңбадан аспасын. Қысқаша жазыңызшы.
ask-gaps-title = Соңғы 30 күнде жауапсыз қалған жиі сұрақтар (сұрақ — неше рет):
ask-gaps-empty = Соңғы 30 күнде жауапсыз сұрақ болған жоқ.
ask-disliked-title = Ең көп ұнамаған жауаптар («сұрақ» → жауап — неше 👎):
ask-disliked-empty = Әзірге жауаптарға наразылық білдірілген жоқ.
admin-only = Бұл команда тек әкімшілерге қолжетімді.

## Жазылымдар мен таратулар

sub-topic-digitel = DigitEL
sub-topic-mobile = 5G және ұялы байланыс
sub-topic-rural = Ауылдағы интернет
sub-topic-egov = Цифрлық құжаттар және eGov
sub-topic-satellite = Спутниктік интернет
sub-menu-text = Жаңалықтарын алғыңыз келетін тақырыптарды таңдаңыз. Тақырыпты бір бассаңыз — жазыласыз, қайта бассаңыз — жазылым тоқтайды.
sub-menu-done = Дайын
sub-summary = Сіз мына тақырыптарға жазылғансыз: { $topics }. Бәрінен бас тарту — /unsubscribe.
sub-summary-none = Қазір сізде жазылым жоқ. Тақырып таңдау — /subscribe.
sub-toggled-on = Жазылдыңыз: { $topic }
sub-toggled-off = Жазылым тоқтатылды: { $topic }
sub-unsubscribed-all = Дайын: барлық жазылымыңыз тоқтатылды. Қайта жазылу — /subscribe.
sub-unsubscribed-none = Сізде онсыз да жазылым жоқ. Жазылу — /subscribe.
sub-update-header = 🔔 Жаңалықтар: { $topic }
sub-button-unsubscribe-topic = 🔕 Бұл тақырыпқа жазылымды тоқтату
sub-button-resubscribe = 🔔 Қайта жазылу
sub-unsubscribed-topic = «{ $topic }» тақырыбына жазылымыңыз тоқтатылды.
sub-resubscribed-topic = «{ $topic }» тақырыбына қайта жазылдыңыз.

publish-not-allowed = Жаңалықтарды тек бот әкімшілері жариялай алады.
publish-choose-topic = Жаңа жарияланым. Тақырыпты таңдаңыз:
publish-ask-ru = Тақырып: { $topic }. Жаңалық мәтінін орыс тілінде жіберіңіз (3500 таңбаға дейін).
publish-ask-kk = Енді сол мәтінді қазақ тілінде жіберіңіз.
publish-wrong-language-kk = Бұл орысша мәтін сияқты, ал мұнда қазақша нұсқасы керек. Мәтінді қазақша жіберіңіз немесе жарияланымды тоқтатыңыз: /cancel
publish-wrong-language-ru = Бұл қазақша мәтін сияқты, ал мұнда орысша нұсқасы керек. Мәтінді орысша жіберіңіз немесе жарияланымды тоқтатыңыз: /cancel
publish-broadcast-meta = 📅 { $date } · авторы: ID { $author }
publish-text-empty = Жаңалық мәтіні керек — бір мәтіндік хабарламамен жіберіңіз.
publish-text-too-long = Мәтін тым ұзын: { $length } таңба, ал ең көбі 3500 болуы керек. Қысқартыңызшы.
publish-preview = Жазылушылар жаңалықты осылай көреді — төменде екі нұсқасы да бар:
publish-confirm = «{ $topic }» тақырыбы бойынша жаңалықты жіберейін бе? Жазылушылар саны: { $count }.
publish-button-send = ✅ Жіберу
publish-button-cancel = ✖️ Бас тарту
publish-cancelled = Жарияланым тоқтатылды.
publish-use-buttons = Жоғарыдағы түймелердің бірін таңдаңыз немесе жарияланымды тоқтатыңыз: /cancel
publish-delivery-unavailable = Жаңалық сақталды, бот ол туралы сұрақтарға қазірдің өзінде жауап береді. Бірақ қазір тарату мүмкін емес (Redis-тегі кезек жұмыс істемей тұр), сондықтан жазылушыларға жіберілмейді.
publish-progress =
    «{ $topic }» тақырыбы бойынша тарату: { $status }
    Алушылар: { $total }
    Жіберілді: { $sent }
    Жеткізілмеді: { $failed }
    Ботты бұғаттағандар: { $blocked }
    Жіберілмей қалды: { $skipped }
    Қалды: { $remaining }
publish-status-preparing = дайындалып жатыр
publish-status-running = жүріп жатыр
publish-status-done = аяқталды
publish-status-cancelled = тоқтатылды
publish-button-refresh = 🔄 Жаңарту
publish-button-stop = ⛔ Таратуды тоқтату
publish-stopped = Тарату тоқтатылды.
publish-already-finished = Бұл тарату аяқталып қойған.
publish-broadcasts-none = Әзірге тарату болған жоқ.

## Баяу интернет туралы өтініштер

report-intro = Нашар интернет туралы өтініш толтырайық — бірнеше қысқа сұрақ қана. Кез келген сәтте «✖ Бас тарту» түймесімен немесе /cancel командасымен тоқтатуға болады.
report-step = Қадам { $n }/{ $total }
report-ask-region = Елді мекеніңіз қай өңірде?
report-ask-district = Қай ауданда? ({ $region })
report-ask-settlement = Елді мекеннің атауын жазыңыз (ауыл, кент, қала), мысалы: Ертіс немесе Жаңаауыл.
report-settlement-understood = Түсінгенім: { $name } ({ $where })
report-ask-operator = Қай оператордың интернеті нашар?
report-ask-connection = Интернетке қалай қосыласыз?
report-ask-problem = Мәселе неде?
report-ask-speed = Өлшеген кезде (мысалы, Speedtest-те) жылдамдық қанша болды? Санын бірлігімен жазыңыз, мысалы: 1,5 Мбит/с, 512 кбит/с немесе «бір мегабиттен аз». Өлшемеген болсаңыз, «Білмеймін» түймесін басыңыз.
report-ask-photo = Жылдамдықты өлшеген скриншот бар ма (мысалы, Speedtest-тен)? Оны фото немесе сурет файлы ретінде жіберіңіз — скриншот болса, модераторларға мәселені шешуді талап ету оңайырақ. Скриншот болмаса, «Өткізіп жіберу» түймесін басыңыз.
report-ask-location = Байланыс нашар жердің геолокациясын экранның төменгі жағындағы «📍 Геолокацияны жіберу» түймесімен жіберіңіз. Қаламасаңыз, «Өткізіп жіберу» түймесін басыңыз.
report-ask-comment = Тағы қосарыңыз бар ма? Түсініктеме жазыңыз ({ $max } таңбаға дейін) немесе «Өткізіп жіберу» түймесін басыңыз.
report-current = Қазіргі жауабыңыз: { $value }
report-button-back = ⬅ Артқа
report-button-cancel = ✖ Бас тарту
report-button-skip = Өткізіп жіберу
report-button-dont-know = Білмеймін
report-button-district-unknown = Білмеймін / тізімде жоқ
report-button-share-location = 📍 Геолокацияны жіберу
report-button-send = ✅ Жіберу
report-button-edit = ✏ Өзгерту
report-button-consent = ✅ Келісемін
report-button-outdated = Бұл түйме басқа сұраққа қатысты.
report-button-finished = Бұл өтініш жіберілген немесе тоқтатылған.
report-hint-choose = Төмендегі түймелердің бірін таңдаңыз.
report-hint-text = Жауабыңызды мәтінмен жазыңыз.
report-hint-command = Қазір өтініш толтырылып жатыр. Төмендегі сұраққа жауап беріңіз немесе өтініштен бас тарту үшін /cancel жіберіңіз.
report-hint-no-location = Мұнда геолокация керек емес — сұраққа жауап беріңіз.
report-hint-photo = Скриншотты фото немесе сурет файлы ретінде жіберіңіз не «Өткізіп жіберу» түймесін басыңыз.
report-hint-voice = Дауыстық хабарламаны тыңдай алмаймын — мәтінмен немесе түймемен жауап беріңізші.
report-photo-not-image = Бұл файл сурет емес. Скриншотты фото немесе PNG/JPG файлы ретінде жіберіңіз не «Өткізіп жіберу» түймесін басыңыз.
report-photo-saved = 📷 Скриншот алынды.
report-settlement-invalid = Бұл елді мекеннің атауына ұқсамайды. Атауда { $min }–{ $max } таңба болсын: әріп, сан, бос орын, дефис (нүкте, үтір, жақша және апостроф та жарайды).
report-speed-unreadable = Жылдамдықты түсіне алмадым. Санын бірлігімен жазыңыз, мысалы: 2 Мбит/с, 0,5 Мбит/с, 512 кбит/с немесе «бір жарым мегабит», не «Білмеймін» түймесін басыңыз.
report-speed-too-high = Мұндай жылдамдық болмайды: 10 000 Мбит/с-тан жоғары. Мүмкін, килобит шығар? Онда, мысалы, «512 кбит/с» деп жазыңыз.
report-speed-negative = Жылдамдық нөлден төмен болмайды. Өлшеу нәтижесін жазыңыз, мысалы «1,5 Мбит/с», не «Білмеймін» түймесін басыңыз.
report-speed-understood = Түсінгенім: { $speed }
report-speed-understood-below-one = Түсінгенім: 1 Мбит/с-тан аз ({ $speed } деп жазамын)
report-location-hint = Экранның төменгі жағындағы «📍 Геолокацияны жіберу» немесе «Өткізіп жіберу» түймесін басыңыз.
report-location-outside = Бұл нүкте Қазақстаннан тыс жерде. Қазақстандағы байланысы нашар жердің геолокациясын жіберіңіз немесе «Өткізіп жіберу» түймесін басыңыз.
report-location-saved = 📍 Геолокация алынды.
report-location-skipped = Жарайды, геолокациясыз.
report-going-back = Алдыңғы сұраққа ораламыз.
report-comment-too-long = Түсініктеме тым ұзын: { $length } таңба, ал ең көбі { $max } таңба болуы керек. Қысқартып жазыңызшы.
report-summary-title = Өтінішті тексеріңіз:
report-edit-which = Нені өзгертеміз?
report-consent-ask = Өтінішті жіберу үшін деректеріңізді өңдеуге келісіміңіз керек. Біз Telegram-дағы ID нөміріңізді және өтініштегі жауаптарыңызды сақтаймыз, телефон нөміріңізді сұрамаймыз. Өтінішті модераторлар көреді, ал иесіздендірілген деректер байланыс сапасы туралы жиынтықтарға енеді. Өтініштерді өзіңізден ажырату үшін /deletemydata командасын жіберіңіз.
report-cancelled = Өтініш тоқтатылды. Қайта бастау үшін /report жіберіңіз.
report-sent =
    Рақмет! Өтініш { $reference } нөмірімен тіркелді.
    Әрі қарай: модераторлар өтінішті қарайды, оның күйі өзгерсе (жұмысқа алынса, шешілсе немесе қабылданбаса), сізге хабарлаймын. Бір елді мекеннен түскен өтініштерді бірге жинаймыз, сонда мәселе тезірек байқалады. Барлық өтініштеріңіз — /myreports.
report-save-failed = Өтінішті сақтау мүмкін болмады, бірақ жауаптарыңыз жоғалған жоқ. Бір минуттан кейін «Жіберу» түймесін қайта басып көріңіз.
report-invalid = Өтініштің бір жері қате толтырылған. «Өзгерту» түймесін басып, жауаптарды тексеріңіз.
report-field-region = Өңір
report-field-district = Аудан
report-field-settlement = Елді мекен
report-field-operator = Оператор
report-field-connection = Қосылым түрі
report-field-problem = Мәселе
report-field-speed = Жылдамдық
report-field-photo = Скриншот
report-field-location = Геолокация
report-field-comment = Түсініктеме
report-value-missing = —
report-value-unknown = белгісіз
report-value-skipped = көрсетілмеген
report-value-speed = { $speed } Мбит/с
report-value-speed-kbit = { $speed } кбит/с
report-value-photo = тіркелген
report-town = { $name } қаласы
report-connection-mobile-2g = 📱 Ұялы 2G
report-connection-mobile-3g = 📱 Ұялы 3G
report-connection-mobile-4g = 📱 Ұялы 4G
report-connection-mobile-5g = 📱 Ұялы 5G
report-connection-adsl = ☎ ADSL (телефон желісі)
report-connection-fibre = 💡 Оптикалық талшық
report-connection-satellite = 🛰 Спутниктік
report-connection-unknown = ❓ Білмеймін
report-problem-slow = 🐢 Жылдамдық төмен
report-problem-none = 🚫 Байланыс мүлде жоқ
report-problem-drops = 📉 Байланыс үзіліп қалады
report-problem-other = ✏ Басқа
report-status-new = Жаңа
report-status-accepted = Жұмысқа алынды
report-status-resolved = Шешілді
report-status-rejected = Қабылданбады
report-status-changed = { $settlement } бойынша { $reference } өтінішіңіздің күйі өзгерді: { $status }.
report-mod-title = 📶 Өтініш { $reference }
report-mod-created = Түскен уақыты: { $date }
report-mod-status = Күйі: { $status }
report-mod-status-by = Күйі: { $status } — өзгерткен { $by }, { $date }
report-mod-button-accepted = ✅ Жұмысқа алынды
report-mod-button-resolved = 🛠 Шешілді
report-mod-button-rejected = ⛔ Қабылданбады
report-mod-button-note = 💬 Өтініш иесіне жауап беру
report-mod-button-reject = ⛔ Себебін көрсетіп қабылдамау
report-note-prompt = Осы хабарламаға жауап жазыңыз — мәтін { $reference } өтінішінің иесіне модератордың жауабы ретінде жіберіледі.
report-reject-prompt = { $reference } өтінішін неге қабылдамаймыз? Себебін түймемен таңдаңыз немесе осы хабарламаға өз сөзіңізбен жауап жазыңыз — өтініш иесі оны алады.
report-reject-reason-duplicate = өтініш қайталанған: бұл мәселе туралы бұрын хабарланған
report-reject-reason-insufficient = өтінішті тексеруге дерек жеткіліксіз
report-reject-reason-out-of-scope = бұл интернет сапасына қатысты емес
report-note-to-reporter =
    💬 { $settlement } бойынша { $reference } өтінішіңізге модератордың жауабы:
    { $note }
report-rejected-to-reporter =
    { $settlement } бойынша { $reference } өтінішіңіз қабылданбады.
    Себебі: { $note }
    Келіспесеңіз, жаңа өтініш жіберіңіз — /report.
report-note-sent = ✓ { $reference } өтініші бойынша жауап өтініш иесіне жетті.
report-note-undelivered = { $reference } өтініші бойынша жауап сақталды, бірақ өтініш иесіне жеткен жоқ (ол деректерін жойған немесе ботты бұғаттаған).
report-note-invalid = 1–{ $max } таңбалы мәтін керек, команда емес. Бот хабарламасына қайта жауап жазыңыз.
report-mod-not-allowed = Өтініштердің күйін тек әкімшілер өзгерте алады.
report-mod-not-found = Өтініш табылмады.
report-mod-same-status = Өтініштің күйі қазірдің өзінде «{ $status }».
report-mod-status-set = Күйі: { $status }
report-place-summary =
    ⚠ { $settlement } ({ $region }): соңғы { $days } күнде { $count } өтініш түсті.
    Операторлар: { $operators }.
    Жылдамдықтың медианасы: { $median } (өлшеулер саны: { $measured }).
    Өтініштер: { $references }
report-my-title = Сіздің өтініштеріңіз:
report-my-line = { $reference } · { $date } · { $settlement } — { $status }
report-my-note = 💬 { $note }
report-my-empty = Сізде әзірге өтініш жоқ. Нашар интернет туралы хабарлау үшін /report жіберіңіз.
report-export-forbidden = Бұл команда тек әкімшілерге қолжетімді.
report-export-usage = Пішімі: /export region=pavlodar from=01.01.2026 to=31.12.2026 (әр бөлігі міндетті емес; күндер Астана уақытымен, UTC+5, екі шеті де қоса есептеледі).
report-export-bad-argument = «{ $argument }» аргументін түсінбедім.
report-export-bad-region = «{ $region }» деген өңір жоқ. Рұқсат етілген мәндер: { $regions }.
report-export-bad-date = «{ $date }» күні қате: КК.АА.ЖЖЖЖ пішімінде жазыңыз, мысалы 01.03.2026.
report-export-bad-range = from күні to күнінен кеш болмауы керек.
report-export-empty = Мұндай шарттарға сай өтініш жоқ.
report-export-caption = Файлдағы өтініштер саны: { $count } ({ $region }, { $from } – { $to }). Файлдағы уақыт — { $zone }.
report-export-all-regions = барлық өңір

## Жеке деректер

privacy-delete-confirm = Деректеріңізді жоямыз ба? Өтініштеріңіз сақталады, бірақ иесіздендіріледі — сізбен байланысы үзіледі. Жазылымдар, бот баптаулары, деректерді өңдеуге берілген келісім және аяқталмаған диалог жойылады.
privacy-delete-yes = 🗑 Иә, жою
privacy-delete-no = Жоқ, қалдыру
privacy-delete-kept = Жарайды, ештеңе жойылған жоқ.
privacy-deleted = Дайын: деректеріңіз жойылды. Ажыратылған өтініштер саны: { $count }, тоқтатылған жазылымдар: { $topics }.
