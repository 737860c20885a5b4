package validation_test

import (
	"fmt"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/validation"
)

func ExampleStruct() {
	type skill struct {
		Name string `json:"name" validate:"required,max=200"`
	}
	type form struct {
		ID     string  `json:"id" validate:"required,max=4"`
		Gender string  `json:"gender" validate:"omitempty,oneof=female male"`
		Skills []skill `json:"skills" validate:"dive"`
	}
	errs := validation.Struct(form{ID: "v-12345", Gender: "f", Skills: []skill{{Name: "chess"}, {}}})
	for _, e := range errs {
		fmt.Println(e.Code, e.Args)
		for _, lang := range diag.Langs {
			fmt.Println("  ", e.Localize(lang))
		}
	}
	// Output:
	// validate.max [4]
	//    id: «id» өрісінің ұзындығы ең көбі 4 таңба болуы керек
	//    id: id должен содержать максимум 4 символа
	//    id: id must be a maximum of 4 characters in length
	// validate.oneof [female male f]
	//    gender: «gender» өрісінің мәні мыналардың бірі болуы керек: female не male
	//    gender: поле «gender» принимает одно из значений: female или male
	//    gender: gender must be one of female or male
	// validate.required []
	//    skills[1].name: «name» өрісі толтырылуы керек
	//    skills[1].name: name обязательное поле
	//    skills[1].name: name is a required field
}
