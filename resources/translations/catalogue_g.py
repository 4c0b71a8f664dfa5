"""Built-in incident forms (journal/records/forms_seed.py) as shown by ui/forms/labels.py: (context, source) -> (ru, uk).

Context "BuiltinForms": the stored English labels and choice values of the seed forms are
translated only for display (the stored values stay English; they travel in bundles).
Keys carry the context so that e.g. "Search" is «Обыск» here, not the search box's «Поиск».
"""

_C = "BuiltinForms"

TRANSLATIONS = {
    # form names
    (_C, "Detention"): ("Задержание", "Затримання"),
    (_C, "Mobilization/draft"): ("Мобилизация/призыв", "Мобілізація/призов"),
    (_C, "Court hearing"): ("Судебное заседание", "Судове засідання"),
    (_C, "Search"): ("Обыск", "Обшук"),
    (_C, "Conscientious objection"): ("Отказ по убеждениям", "Відмова за переконаннями"),
    # Detention
    (_C, "Detained person(s)"): ("Задержанные", "Затримані"),
    (_C, "Time of detention"): ("Время задержания", "Час затримання"),
    (_C, "Place of detention"): ("Место задержания", "Місце затримання"),
    (_C, "Police unit / department taken to"): ("Куда доставлены (отдел полиции)", "Куди доставлено (відділ поліції)"),
    (_C, "Charges or article cited"): ("Обвинение или статья", "Обвинувачення або стаття"),
    (_C, "Lawyer admitted"): ("Адвоката допустили", "Адвоката допустили"),
    (_C, "Lawyer admitted at"): ("Время допуска адвоката", "Час допуску адвоката"),
    (_C, "Injuries"): ("Травмы", "Травми"),
    (_C, "Release time"): ("Время освобождения", "Час звільнення"),
    (_C, "Court date"): ("Дата суда", "Дата суду"),
    # Mobilization/draft
    (_C, "Person"): ("Человек", "Особа"),
    (_C, "Date of summons"): ("Дата повестки", "Дата повістки"),
    (_C, "Military commissariat"): ("Военкомат", "ТЦК"),
    (_C, "Grounds cited"): ("Указанные основания", "Зазначені підстави"),
    (_C, "Age"): ("Возраст", "Вік"),
    (_C, "Health circumstances"): ("Состояние здоровья", "Стан здоров'я"),
    (_C, "Family circumstances"): ("Семейные обстоятельства", "Сімейні обставини"),
    (_C, "Legal status of the case"): ("Правовой статус дела", "Правовий статус справи"),
    (_C, "summons received"): ("повестка получена", "повістку отримано"),
    (_C, "appeal filed"): ("подана жалоба", "подано скаргу"),
    (_C, "in court"): ("в суде", "у суді"),
    (_C, "closed"): ("закрыто", "закрито"),
    (_C, "Outcome"): ("Итог", "Результат"),
    (_C, "released"): ("отпущен(а)", "відпущено"),
    (_C, "exempted"): ("освобождён(а) от призыва", "звільнено від призову"),
    (_C, "deferred"): ("отсрочка", "відстрочка"),
    (_C, "sent to unit"): ("отправлен(а) в часть", "направлено до частини"),
    (_C, "unknown"): ("неизвестно", "невідомо"),
    # Court hearing
    (_C, "Court"): ("Суд", "Суд"),
    (_C, "Judge"): ("Судья", "Суддя"),
    (_C, "Case number"): ("Номер дела", "Номер справи"),
    (_C, "Article"): ("Статья", "Стаття"),
    (_C, "adjourned"): ("отложено", "відкладено"),
    (_C, "fine"): ("штраф", "штраф"),
    (_C, "administrative arrest"): ("административный арест", "адміністративний арешт"),
    (_C, "sentence"): ("приговор", "вирок"),
    (_C, "acquitted"): ("оправдан(а)", "виправдано"),
    (_C, "case closed"): ("дело закрыто", "справу закрито"),
    (_C, "Sentence / fine"): ("Наказание / штраф", "Покарання / штраф"),
    # Search
    (_C, "Address"): ("Адрес", "Адреса"),
    (_C, "Agency"): ("Ведомство", "Орган"),
    (_C, "What was seized"): ("Что изъяли", "Що вилучили"),
    # Conscientious objection
    (_C, "Stage"): ("Стадия", "Стадія"),
    (_C, "application"): ("заявление", "заява"),
    (_C, "commission"): ("комиссия", "комісія"),
    (_C, "court"): ("суд", "суд"),
    (_C, "alternative service"): ("альтернативная служба", "альтернативна служба"),
    (_C, "refused"): ("отказано", "відмовлено"),
    (_C, "Documents filed"): ("Поданные документы", "Подані документи"),
    (_C, "application for alternative civilian service"): (
        "заявление на альтернативную гражданскую службу", "заява на альтернативну (невійськову) службу"),
    (_C, "appeal"): ("обжалование", "оскарження"),
    (_C, "complaint"): ("жалоба в надзорный орган", "скарга до наглядового органу"),
    (_C, "court claim"): ("иск в суд", "позов до суду"),
    (_C, "Filed on"): ("Дата подачи", "Дата подання"),
    (_C, "Decision on"): ("Дата решения", "Дата рішення"),
    # values in statistics and reports
    (_C, "yes"): ("да", "так"),
    (_C, "no"): ("нет", "ні"),
    (_C, "(none)"): ("(нет)", "(немає)"),
    (_C, "{form}: {field}"): ("{form}: {field}", "{form}: {field}"),
}
