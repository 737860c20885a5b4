package recruit_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/recruit"
)

// The mentor call takes its numbers from the policy: here a profile that
// asks mentors of 21 and over, for 18 months.
func ExampleRenderMentorCall() {
	var b strings.Builder
	p := recruit.Project{Name: "Бірге", Email: "info@birge.example.kz", Phone: "+7 727 000 00 00"}
	call := recruit.MentorCall{MentorMinAge: 21, CommitmentMonths: 18}
	if err := recruit.RenderMentorCall(&b, p, call, recruit.Options{Lang: diag.RU}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "Наставник — любой") || strings.HasPrefix(line, "Минимальный срок") {
			fmt.Println(line)
		}
	}
	// Output:
	// Наставник — любой житель Казахстана от 21 года, который может быть в жизни ребёнка не менее 18 месяцев.
	// Минимальный срок участия в проекте — 18 месяцев, а лучше всего — дружба на всю жизнь.
}

func ExampleRenderEventCall() {
	call := recruit.EventCall{
		Event:    "Жастар фестивалі",
		From:     civil.D(2026, time.August, 22),
		To:       civil.D(2026, time.August, 23),
		Briefing: civil.D(2026, time.August, 19),
		City:     "Алматы",
		MinAge:   18,
	}
	p := recruit.Project{Email: "info@birge.example.kz"}
	var b strings.Builder
	if err := recruit.RenderEventCall(&b, p, call, recruit.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(b.String())
	// Output:
	// # ІС-ШАРАҒА ВОЛОНТЕРЛЕР ІЗДЕУ БОЙЫНША ХАБАРЛАНДЫРУ
	//
	// **Құрметті достар!**
	//
	// Біз 2026 жылғы 22–23 тамыз аралығында өтетін «Жастар фестивалі» іс-шарасына волонтерлер іздейміз!
	//
	// Егер Сіз осы іс-шарада волонтер болғыңыз келсе және Сіз – жауапты, мақсатты, жігерлі және позитивті адам болсаңыз, онда өз түйіндемеңізді info@birge.example.kz поштасына жіберіңіз.
	//
	// **ВОЛОНТЕРЛЕР 2026 ЖЫЛҒЫ 22–23 ТАМЫЗ АРАЛЫҒЫНДА ҚАЖЕТ БОЛАДЫ!**
	//
	// **БРИФИНГ 2026 ЖЫЛҒЫ 19 ТАМЫЗДА ӨТЕДІ.**
	//
	// Үміткерлерге қойылатын талаптар:
	//
	// - Жасы – 18 жастан бастап
	// - Алматы қаласында тұру
}

func ExampleRightsIn() {
	r, err := recruit.RightsIn(diag.EN)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(r.Rights), "rights, the first:", r.Rights[0])
	fmt.Println(len(r.Responsibilities), "responsibilities, the last:", r.Responsibilities[len(r.Responsibilities)-1])
	// Output:
	// 12 rights, the first: to be treated as a colleague
	// 10 responsibilities, the last: not going beyond the description of their own work
}

func ExampleRenderRights() {
	_ = recruit.RenderRights(os.Stdout, recruit.Options{Lang: diag.KK, Format: recruit.Markdown})
}
