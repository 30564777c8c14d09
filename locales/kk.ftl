# Qazaq Digital Bot — қазақша.
# Кілттер бот функциясының атымен басталады: start-, help-, language-, ask-, report-, sub-, publish-.
# Команда сипаттамалары — cmd- кілтінің атрибуттары.

## Жалпы

cmd =
    .start = Бастау және боттың мүмкіндіктерін білу
    .help = Командалар тізімі
    .language = Тілді ауыстыру
    .report = Баяу интернет туралы хабарлау
    .myreports = Менің өтініштерім
    .subscribe = Бағдарлама жаңалықтарына жазылу
    .unsubscribe = Барлық жаңалықтан бас тарту
    .cancel = Ағымдағы әрекетті тоқтату
    .deletemydata = Деректерімді жою

start-greeting =
    Сәлеметсіз бе, { $name }! Мен Қазақстанның цифрлық бағдарламалары туралы ботпын.
    • DigitEL, 5G, цифрлық құжаттар және ауылдағы интернет туралы сұрақтарға жауап беремін — сұрағыңызды жазыңыз.
    • Елді мекеніңіздегі баяу интернет туралы өтініш қабылдаймын: /report
    • Таңдаған тақырыптар бойынша бағдарлама жаңалықтарын жіберемін: /subscribe
start-button-report = 📶 Баяу интернет туралы хабарлау
start-button-subscribe = 🔔 Жаңалықтарға жазылу

help-text =
    Мен түсінетін командалар:
    /start — сәлемдесу және боттың мүмкіндіктері
    /report — баяу интернет туралы хабарлау
    /myreports — өтініштерім және олардың күйі
    /subscribe — бағдарлама жаңалықтарына жазылу
    /unsubscribe — барлық жаңалықтан бас тарту
    /language — тілді ауыстыру (орысша / қазақша)
    /cancel — ағымдағы әрекетті тоқтату
    /deletemydata — деректерімді жою
    Немесе жай ғана сұрақ қойыңыз, мысалы: «5G қашан іске қосылады?»

language-choose = Тілді таңдаңыз:
language-set = Дайын, енді мен қазақша сөйлеймін.
language-name-ru = 🇷🇺 Русский
language-name-kk = 🇰🇿 Қазақша

unsupported-message = Мен мәтіндік сұрақтар мен командаларды түсінемін. Сұрағыңызды сөзбен жазыңыз немесе /help ашыңыз.
error-generic = Кешіріңіз, бірдеңе дұрыс болмады. Сәлден соң қайталап көріңіз.
rate-limited = Хабарламалар тым көп. Сәл күте тұрыңыз.
cancel-nothing = Қазір тоқтататын ештеңе жоқ.
unknown-command = Мұндай команданы білмеймін. Командалар тізімі — /help.
button-outdated = Бұл түйменің мерзімі өтті.
conversation-stale = Бот жаңартылды, сондықтан басталған диалог тоқтатылды. Қайтадан бастаңыз, мысалы, /report.
conversation-expired = Басталған диалог жабылды: бір тәуліктен астам жауап болмады. Ыңғайлы кезде қайта бастаңыз.
conversation-too-long = Диалог тым ұзарып кетті, сондықтан оны тоқтаттым. Қайтадан бастаңыз, мысалы, /report.

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
ask-related-title = Тағы мынаны сұрауға болады:
ask-feedback-up = 👍
ask-feedback-down = 👎
ask-feedback-thanks = Пікіріңізге рақмет!

## Сұрақтар: қызметтік

ask-too-long = Сұрақ тым ұзын: { $max } таңбадан аспауы керек. Қысқарақ сұраңызшы.
ask-gaps-title = Соңғы 30 күнде жауапсыз қалған жиі сұрақтар (сұрақ — неше рет):
ask-gaps-empty = Соңғы 30 күнде жауапсыз сұрақ болған жоқ.
admin-only = Бұл команда тек әкімшілерге қолжетімді.

## Жазылымдар мен таратулар

sub-topic-digitel = DigitEL
sub-topic-mobile = 5G және ұялы байланыс
sub-topic-rural = Ауылдағы интернет
sub-topic-egov = Цифрлық құжаттар және eGov
sub-topic-satellite = Спутниктік интернет
sub-menu-text = Жаңалықтарын алғыңыз келетін тақырыптарды таңдаңыз. Жазылу немесе жазылымнан бас тарту үшін тақырыпты басыңыз.
sub-menu-done = Дайын
sub-summary = Сіз мына тақырыптарға жазылғансыз: { $topics }. Барлығынан бас тарту — /unsubscribe.
sub-summary-none = Қазір сізде жазылым жоқ. Тақырып таңдау — /subscribe.
sub-toggled-on = Жазылдыңыз: { $topic }
sub-toggled-off = Жазылым тоқтатылды: { $topic }
sub-unsubscribed-all = Дайын: барлық жаңалықтан бас тарттыңыз. Қайта жазылу — /subscribe.
sub-unsubscribed-none = Сізде онсыз да жазылым жоқ. Жазылу — /subscribe.
sub-update-header = 🔔 Жаңалықтар: { $topic }
sub-button-unsubscribe-topic = 🔕 Бұл тақырыптан бас тарту
sub-button-resubscribe = 🔔 Қайта жазылу
sub-unsubscribed-topic = «{ $topic }» тақырыбынан бас тарттыңыз.
sub-resubscribed-topic = «{ $topic }» тақырыбына қайта жазылдыңыз.

publish-not-allowed = Жаңалықтарды тек бот әкімшілері жариялай алады.
publish-choose-topic = Жаңа жарияланым. Тақырыпты таңдаңыз:
publish-ask-ru = Тақырып: { $topic }. Жаңалық мәтінін орыс тілінде жіберіңіз (3500 таңбаға дейін).
publish-ask-kk = Енді сол мәтінді қазақ тілінде жіберіңіз.
publish-text-empty = Жаңалық мәтіні керек — бір мәтіндік хабарламамен жіберіңіз.
publish-text-too-long = Мәтін тым ұзын: { $length } таңба, ал ең көбі 3500 болуы керек. Қысқартыңызшы.
publish-preview = Жазылушылар жаңалықты осылай көреді — төменде екі нұсқасы да бар:
publish-confirm = «{ $topic }» тақырыбы бойынша жаңалықты жіберейін бе? Жазылушылар саны: { $count }.
publish-button-send = ✅ Жіберу
publish-button-cancel = ✖️ Бас тарту
publish-cancelled = Жарияланымнан бас тартылды.
publish-use-buttons = Жоғарыдағы түймелердің бірін таңдаңыз немесе жарияланымды тоқтатыңыз: /cancel
publish-delivery-unavailable = Жаңалық сақталды, бот ол туралы сұрақтарға қазірдің өзінде жауап береді. Бірақ қазір тарату мүмкін емес (Redis-тегі кезек жұмыс істемей тұр), сондықтан жазылушыларға жіберілмейді.
publish-progress =
    «{ $topic }» тақырыбы бойынша тарату: { $status }
    Алушылар: { $total }
    Жіберілді: { $sent }
    Жеткізілмеді: { $failed }
    Ботты бұғаттағандар: { $blocked }
    Өткізіліп жіберілді: { $skipped }
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

report-intro = Нашар интернет туралы өтініш толтырайық — бар болғаны 8 қысқа сұрақ. Кез келген сәтте «✖ Бас тарту» түймесімен немесе /cancel командасымен тоқтатуға болады.
report-step = Қадам { $n }/{ $total }
report-ask-region = Елді мекеніңіз қай өңірде орналасқан?
report-ask-settlement = Елді мекеннің атауын жазыңыз (ауыл, кент, қала), мысалы: Ертіс немесе Жаңаауыл.
report-ask-operator = Қай оператордың интернеті нашар жұмыс істейді?
report-ask-connection = Интернетке қалай қосыласыз?
report-ask-problem = Мәселе неде?
report-ask-speed = Өлшеу (мысалы, Speedtest) қандай жылдамдық көрсетті? Санды Мбит/с бірлігімен жазыңыз, мысалы 1,5, немесе «Білмеймін» түймесін басыңыз.
report-ask-location = Байланыс нашар жердің геолокациясын экранның төменгі жағындағы «📍 Геолокацияны жіберу» түймесімен жіберіңіз. Қаламасаңыз, «Өткізіп жіберу» түймесін басыңыз.
report-ask-comment = Тағы бірдеңе қосқыңыз келе ме? Түсініктеме жазыңыз ({ $max } таңбаға дейін) немесе «Өткізіп жіберу» түймесін басыңыз.
report-current = Қазіргі жауап: { $value }
report-button-back = ⬅ Артқа
report-button-cancel = ✖ Бас тарту
report-button-skip = Өткізіп жіберу
report-button-dont-know = Білмеймін
report-button-share-location = 📍 Геолокацияны жіберу
report-button-send = ✅ Жіберу
report-button-edit = ✏ Өзгерту
report-button-consent = ✅ Келісемін
report-button-outdated = Бұл түйме басқа сұраққа қатысты.
report-button-finished = Бұл өтініш жіберіліп қойған немесе одан бас тартылған.
report-hint-choose = Төмендегі түймелердің бірін таңдаңыз.
report-hint-text = Жауабыңызды мәтінмен жазыңыз.
report-hint-command = Қазір өтініш толтырылып жатыр. Төмендегі сұраққа жауап беріңіз немесе өтініштен бас тарту үшін /cancel жіберіңіз.
report-hint-no-location = Мұнда геолокация керек емес — сұраққа жауап беріңіз.
report-settlement-invalid = Бұл елді мекеннің атауына ұқсамайды. Атау { $min }–{ $max } таңбадан тұруы керек: әріптер, сандар, бос орындар және дефистер (нүкте мен апостроф та жарайды).
report-speed-invalid = Жылдамдықты түсіне алмадым. 0-ден 10000-ға дейінгі санды Мбит/с бірлігімен жазыңыз, мысалы 2 немесе 0,5, немесе «Білмеймін» түймесін басыңыз.
report-location-hint = Экранның төменгі жағындағы «📍 Геолокацияны жіберу» немесе «Өткізіп жіберу» түймесін басыңыз.
report-location-outside = Бұл нүкте Қазақстаннан тыс жерде. Қазақстандағы байланысы нашар жердің геолокациясын жіберіңіз немесе «Өткізіп жіберу» түймесін басыңыз.
report-location-saved = 📍 Геолокация алынды.
report-location-skipped = Жарайды, геолокациясыз.
report-going-back = Алдыңғы сұраққа ораламыз.
report-comment-too-long = Түсініктеме тым ұзын: { $length } таңба, ал ең көбі { $max } таңба болуы керек. Қысқартып жазыңызшы.
report-summary-title = Өтінішті тексеріңіз:
report-edit-which = Нені өзгертеміз?
report-consent-ask = Өтінішті жіберу үшін деректеріңізді өңдеуге келісіміңіз керек. Біз Telegram ID-іңізді және өтініштегі жауаптарыңызды сақтаймыз, телефон нөміріңізді сұрамаймыз. Өтінішті модераторлар көреді, ал иесіздендірілген деректер байланыс сапасы туралы жиынтықтарға енеді. Өтініштерді өзіңізден ажырату үшін /deletemydata командасын жіберіңіз.
report-cancelled = Өтініштен бас тартылды. Қайта бастау үшін /report жіберіңіз.
report-sent =
    Рақмет! Өтініш { $reference } нөмірімен тіркелді.
    Әрі қарай: модераторлар өтінішті қарайды, ал оның күйі өзгергенде (қабылданды, шешілді немесе қабылданбады) мен сізге хабарлаймын. Бір елді мекеннен түскен өтініштерді бірге жинаймыз, сонда мәселе тезірек байқалады. Барлық өтініштеріңіз — /myreports.
report-save-failed = Өтінішті сақтау мүмкін болмады, бірақ жауаптарыңыз жоғалған жоқ. Бір минуттан кейін «Жіберу» түймесін қайта басып көріңіз.
report-invalid = Өтініштің бір жері қате толтырылған. «Өзгерту» түймесін басып, жауаптарды тексеріңіз.
report-field-region = Өңір
report-field-settlement = Елді мекен
report-field-operator = Оператор
report-field-connection = Қосылым түрі
report-field-problem = Мәселе
report-field-speed = Жылдамдық
report-field-location = Геолокация
report-field-comment = Түсініктеме
report-value-missing = —
report-value-unknown = білмеймін
report-value-skipped = көрсетілмеген
report-value-speed = { $speed } Мбит/с
report-connection-mobile-2g = 📱 Мобильді 2G
report-connection-mobile-3g = 📱 Мобильді 3G
report-connection-mobile-4g = 📱 Мобильді 4G
report-connection-mobile-5g = 📱 Мобильді 5G
report-connection-adsl = ☎ ADSL (телефон желісі)
report-connection-fibre = 💡 Оптикалық талшық
report-connection-satellite = 🛰 Спутниктік
report-connection-unknown = ❓ Білмеймін
report-problem-slow = 🐢 Жылдамдық төмен
report-problem-none = 🚫 Байланыс мүлде жоқ
report-problem-drops = 📉 Байланыс үзіліп қалады
report-problem-other = ✏ Басқа
report-status-new = Жаңа
report-status-accepted = Қабылданды
report-status-resolved = Шешілді
report-status-rejected = Қабылданбады
report-status-changed = { $reference } өтінішіңіздің ({ $settlement }) күйі өзгерді: { $status }.
report-mod-title = 📶 Өтініш { $reference }
report-mod-created = Түскен уақыты: { $date }
report-mod-status = Күйі: { $status }
report-mod-status-by = Күйі: { $status } — өзгерткен { $by }, { $date }
report-mod-button-accepted = ✅ Қабылданды
report-mod-button-resolved = 🛠 Шешілді
report-mod-button-rejected = ⛔ Қабылданбады
report-mod-not-allowed = Өтініштердің күйін тек әкімшілер өзгерте алады.
report-mod-not-found = Өтініш табылмады.
report-mod-same-status = Өтініштің күйі қазірдің өзінде «{ $status }».
report-mod-status-set = Күйі: { $status }
report-place-summary =
    ⚠ { $settlement } ({ $region }): соңғы { $days } күнде { $count } өтініш түсті.
    Операторлар: { $operators }.
    Жылдамдықтың медианасы: { $median } (өлшемдер саны: { $measured }).
    Өтініштер: { $references }
report-my-title = Сіздің өтініштеріңіз:
report-my-line = { $reference } · { $date } · { $settlement } — { $status }
report-my-empty = Сізде әзірге өтініш жоқ. Нашар интернет туралы хабарлау үшін /report жіберіңіз.
report-export-forbidden = Бұл команда тек әкімшілерге қолжетімді.
report-export-usage = Пішімі: /export region=pavlodar from=2026-01-01 to=2026-12-31 (әр бөлігі міндетті емес).
report-export-bad-argument = «{ $argument }» аргументін түсінбедім.
report-export-bad-region = «{ $region }» деген өңір жоқ. Рұқсат етілген мәндер: { $regions }.
report-export-bad-date = «{ $date }» күні қате: ЖЖЖЖ-АА-КК пішімінде жазыңыз.
report-export-bad-range = from күні to күнінен кеш болмауы керек.
report-export-empty = Мұндай шарттарға сай өтініш жоқ.
report-export-caption = Файлдағы өтініштер саны: { $count }.

## Жеке деректер

privacy-delete-confirm = Деректеріңізді жоямыз ба? Өтініштеріңіз министрліктің статистикасы үшін қалады, бірақ сізбен байланыссыз, пікірсіз және нақты координатсыз. Жазылымдар, жауаптарға берген дауыстарыңыз, бот баптаулары, деректерді өңдеуге берілген келісім және аяқталмаған диалог жойылады.
privacy-delete-yes = 🗑 Иә, жою
privacy-delete-no = Жоқ, қалдыру
privacy-delete-kept = Жарайды, ештеңе жойылған жоқ.
privacy-deleted = Дайын: деректеріңіз жойылды. Ажыратылған өтініштер саны: { $count }, тоқтатылған жазылымдар: { $topics }.

# Reliability and security
auth-admin-only = Бұл команда тек әкімшілерге қолжетімді.
auth-private-only = Әкімші командалары тек ботпен жеке чатта жұмыс істейді: маған сол жерге жазыңыз.
group-use-private = Сұрақтарға жауап беруді, өтініш қабылдауды және жаңалық жіберуді тек жеке чатта жасаймын. Маған жазыңыз: @{ $username }.
group-use-private-short = Маған жеке чатқа жазыңыз.
group-open-private = Ботпен чатты ашу
privacy-masked-notice = 🔒 Хабарламаңыздағы телефон нөмірін немесе ЖСН-ді жасырдым: жеке деректерді сақтамаймын әрі ешкімге жібермеймін.
flood-limited = Хабарламалар тым жиі келіп жатыр. { $seconds } секунд бойы жаңа хабарламаларға жауап бермеймін — сосын қайта жазыңызшы.
error-store-unavailable = Бұл қазір уақытша қолжетімсіз. Бір минуттан соң қайталап көріңіз.
