package questionnaire

// Gender is the answer to "Жынысы": female or male.
type Gender string

// Genders.
const (
	Female Gender = "female" // Әйел
	Male   Gender = "male"   // Ер
)

// Genders lists the options in the form's order.
var Genders = []Gender{Female, Male}

// Education is the answer to "Білімі".
type Education string

// Education levels.
const (
	Secondary  Education = "secondary"  // Орта
	Vocational Education = "vocational" // Орта арнаулы
	Higher     Education = "higher"     // Жоғары
	OtherEdu   Education = "other"      // Басқасы (түсіндіріңіз)
)

// Educations lists the options in the form's order.
var Educations = []Education{Secondary, Vocational, Higher, OtherEdu}

// FreeTime is the answer to "how much free time do you have for the
// project".
type FreeTime string

// Free-time answers.
const (
	Hours10To15  FreeTime = "hours_10_15" // Мен аптасына 10-15 сағат жұмсай аламын
	EveningsOnly FreeTime = "evenings"    // Тек қана бос кештер бар
	WeekendsOnly FreeTime = "weekends"    // Жобаға тек қана демалыс күндері қолдау көрсете аламын
	OtherTime    FreeTime = "other"       // Басқасы (нақты не екенін көрсету)
)

// FreeTimes lists the options in the form's order.
var FreeTimes = []FreeTime{Hours10To15, EveningsOnly, WeekendsOnly, OtherTime}

// Motive is one answer to question 2, "what attracts you in the project".
// The ids name the Kazakh wording.
type Motive string

// Motives, in the form's order.
const (
	ImproveLivingConditions Motive = "improve_living_conditions" // Мен тұратын жерде өмір сүру жағдайын жақсарту мүмкіндігі
	CivicParticipation      Motive = "civic_participation"       // Менің қаламның/округімнің/облысымның өміріне белсенді қатысу ықыласы
	LearnNewThings          Motive = "learn_new_things"          // Өмірде қажет болуы мүмкін жаңа нәрселерді үйрену ықыласы
	CareerGrowth            Motive = "career_growth"             // Болашақта мансаптық өсуді қамтамасыз ету ықыласы
	NewFriends              Motive = "new_friends"               // Жаңа достар табу ықыласы
	BuildTeam               Motive = "build_team"                // Болашақ жобалар үшін команда жинау ықыласы
	Recognition             Motive = "recognition"               // Қоғамдастықтың басқа мүшелеріне танылу мен құрметтеуге қол жеткізу ықыласы
	OtherMotive             Motive = "other"                     // Басқасы (түсіндіріңіз)
)

// Motives lists the options in the form's order.
var Motives = []Motive{ImproveLivingConditions, CivicParticipation, LearnNewThings, CareerGrowth,
	NewFriends, BuildTeam, Recognition, OtherMotive}

// YearsInLocality answers "how long have you lived in your locality".
type YearsInLocality string

// Answers on years in the locality.
const (
	LessThan3  YearsInLocality = "lt_3"  // 3 жылдан кем
	From3To10  YearsInLocality = "3_10"  // 3-тен 10 жылға дейін
	MoreThan10 YearsInLocality = "gt_10" // 10 жылдан артық
)

// YearsInLocalities lists the options in the form's order.
var YearsInLocalities = []YearsInLocality{LessThan3, From3To10, MoreThan10}

// Experience is one answer to question 4, experience of working with people.
type Experience string

// Kinds of experience.
const (
	VolunteerOrg         Experience = "volunteer_org"          // Ұйымда волонтер болып жұмыс істеу
	StudentActivist      Experience = "student_activist"       // Студенттік актив
	CivilService         Experience = "civil_service"          // Мемлекеттік қызмет
	CollectivePublicLife Experience = "collective_public_life" // Ұжымның қоғамдық өміріне қатысу
	OtherExperience      Experience = "other"                  // Басқасы
)

// Experiences lists the options in the form's order.
var Experiences = []Experience{VolunteerOrg, StudentActivist, CivilService, CollectivePublicLife, OtherExperience}

// YesNo answers question 5, health limitations.
type YesNo string

// Answers.
const (
	No  YesNo = "no"  // Жоқ
	Yes YesNo = "yes" // Иә (өтінеміз, түсіндіріңіз)
)

// YesNos lists the options in the form's order.
var YesNos = []YesNo{No, Yes}

// Activity is one answer to question 6, the kinds of work the applicant
// finds interesting and convenient.
type Activity string

// Activities, in the form's order. The guide's template speaks of patients
// (емделушілер); an organisation for children reads them as its wards.
const (
	IndividualLeisure Activity = "individual_leisure" // Жеке бос уақыт өткізу: оқу, шығармашылық сабақтары, әңгімелесу
	GroupEvents       Activity = "group_events"       // Топтар үшін іс-шаралар ұйымдастыру: туған күндер, турнирлер, концерттер
	Teaching          Activity = "teaching"           // Денсаулықты қорғау, аурулардың алдын алу бойынша оқыту/дәрістер
	Documents         Activity = "documents"          // Құжаттармен жұмыс істеу
	Visitors          Activity = "visitors"           // Келушілермен жұмыс істеу
	OtherActivity     Activity = "other"              // Басқасы (көрсетіңіз)
)

// Activities lists the options in the form's order.
var Activities = []Activity{IndividualLeisure, GroupEvents, Teaching, Documents, Visitors, OtherActivity}

// Role is a kind of work the questionnaire can suggest. The policy
// questionnaire/roles.yaml decides which fit a response; each rule's id is
// "role." + the role.
type Role string

// Roles the questionnaire suggests.
const (
	RoleIndividualMentor Role = "individual_mentor" // individual mentoring of one child (25+, R1)
	RoleGroupActivities  Role = "group_activities"  // group sessions, tutoring, creative classes (R2)
	RoleEvents           Role = "events"            // events (18+, R13)
	RoleDocuments        Role = "documents"         // paperwork
	RoleVisitors         Role = "visitors"          // welcoming and registering visitors
)

// Roles lists the roles in the order the policy gives them.
var Roles = []Role{RoleIndividualMentor, RoleGroupActivities, RoleEvents, RoleDocuments, RoleVisitors}
