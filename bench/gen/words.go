package gen

import (
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// The words a generated programme is made of. Names are common Kazakh and
// Russian first names and surnames in Cyrillic; a woman's surname takes -а.

var femaleNames = []string{
	"Айгерім", "Әйгерім", "Аружан", "Дана", "Дина", "Жанар", "Жанна", "Гүлнар", "Гаухар", "Мадина",
	"Мөлдір", "Назерке", "Сәуле", "Салтанат", "Толғанай", "Ұлжан", "Шынар", "Асель", "Алия", "Камила",
	"Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Екатерина", "Юлия",
}

var maleNames = []string{
	"Асқар", "Ерлан", "Нұрлан", "Дәурен", "Бауыржан", "Ержан", "Қайрат", "Марат", "Серік", "Талғат",
	"Арман", "Әлихан", "Данияр", "Ербол", "Жандос", "Мейірхан", "Нұрсұлтан", "Руслан", "Темірлан", "Ілияс",
	"Алексей", "Андрей", "Дмитрий", "Сергей", "Иван", "Михаил", "Николай", "Павел", "Виктор", "Олег",
}

// surnames are given in their masculine form.
var surnames = []string{
	"Абенов", "Ахметов", "Байжанов", "Бекмуханбетов", "Жақсыбеков", "Жұмабаев", "Иманов", "Қасымов",
	"Мұратов", "Нұрланов", "Оспанов", "Сәрсенов", "Садыков", "Сейітов", "Тоқтаров", "Тұрсынов",
	"Өмірзақов", "Шәкенов", "Ысқақов", "Есенов",
	"Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров",
}

var cities = []string{
	"Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe", "Taraz", "Pavlodar", "Oskemen", "Semey",
	"Kostanay", "Kyzylorda", "Atyrau", "Oral", "Petropavl", "Aktau", "Turkistan", "Taldykorgan",
	"Kokshetau", "Ekibastuz", "Zhezkazgan",
}

var districts = []string{"Алмалы", "Әуезов", "Бостандық", "Медеу", "Түрксіб", "Есіл", "Сарыарқа", "Байқоңыр", "Нұра", "Орталық"}

var streets = []string{"Абай", "Төле би", "Сәтбаев", "Жібек жолы", "Достық", "Әл-Фараби", "Назарбаев", "Гоголь", "Пушкин", "Байтұрсынұлы"}

var institutionNames = map[mentoring.InstitutionKind]string{
	mentoring.Orphanage:           "Балалар үйі",
	mentoring.SocialServiceCentre: "Әлеуметтік қызмет көрсету орталығы",
	mentoring.AdaptationCentre:    "Кәмелетке толмағандарды бейімдеу орталығы",
	mentoring.CrisisCentre:        "Дағдарыс орталығы",
}

var languageSets = [][]string{{"kk", "ru"}, {"kk", "ru"}, {"kk", "ru"}, {"ru"}, {"kk"}, {"kk", "ru", "en"}}

var educations = []volunteer.Education{volunteer.Secondary, volunteer.Vocational, volunteer.Higher, volunteer.Higher}

var weekdaySets = [][]volunteer.Weekday{{volunteer.Sat}, {volunteer.Sat, volunteer.Sun}, {volunteer.Tue, volunteer.Thu}, {volunteer.Wed}}

var interestSets = [][]string{{"football"}, {"drawing", "music"}, {"chess"}, {"reading", "robotics"}, {"dance"}, {"volleyball", "cooking"}}

var topics = []string{
	"Танысу ойындары", "Командалық жұмыс", "Мамандық таңдау", "Қаржылық сауаттылық", "Салауатты өмір салты",
	"Знакомство", "Командные игры", "Выбор профессии",
}

var outingNotes = []string{"Театр", "Мұражай", "Саябақ", "Кинотеатр", "Футбол матчы", "Кітапхана"}

var summaries = []string{
	"Мекемеде екі рет кездестік, үй тапсырмасын бірге орындадық.",
	"Встречались трижды, готовились к олимпиаде по математике.",
	"Баламен бірге кітапханаға бардық, жаңа кітап таңдадық.",
}
