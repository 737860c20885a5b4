package main

import (
	"path"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"
	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/decode"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/mentoring"
)

// schemaID names the programme file's schema.
const schemaID = "https://github.com/birgemiz/sabaqtastyq/schema/programme.json"

// programmeSchema is the JSON Schema (2020-12) of the programme file,
// generated from the Go types by their `json` tags: field names, types,
// dates as strings of format date, months as YYYY-MM; and from their
// `validate` tags: the values of every vocabulary (oneof) and the
// required fields. Unknown fields are refused, as the loader refuses
// them; "$schema" at the top is allowed, for editors.
func programmeSchema() *jsonschema.Schema {
	r := &jsonschema.Reflector{
		RequiredFromJSONSchemaTags: true, // required comes from validate tags below
		Namer:                      typeName,
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			switch t {
			// A date or month not given yet may be absent or null.
			case reflect.TypeFor[civil.Date]():
				return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{{Type: "string", Format: "date"}, {Type: "null"}}}
			case reflect.TypeFor[civil.Month]():
				return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{{Type: "string", Pattern: `^[0-9]{4}-(0[1-9]|1[0-2])$`}, {Type: "null"}}}
			}
			return nil
		},
	}
	s := r.Reflect(&mentoring.Programme{})
	s.ID = schemaID
	s.Title = "sabaqtastyq programme"
	s.Description = "A mentoring programme at a date, as sabaq reads it (CONTRACT.md, The programme file)."
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		def := s.Definitions[typeName(t)]
		for i := range t.NumField() {
			f := t.Field(i)
			walk(f.Type)
			if def == nil || def.Properties == nil {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			prop, ok := def.Properties.Get(name)
			if !ok {
				continue
			}
			for _, rule := range strings.Split(f.Tag.Get("validate"), ",") {
				switch {
				case rule == "required":
					def.Required = append(def.Required, name)
				case strings.HasPrefix(rule, "oneof="):
					target := prop
					if prop.Type == "array" && prop.Items != nil {
						target = prop.Items
					}
					for _, v := range strings.Fields(strings.TrimPrefix(rule, "oneof=")) {
						target.Enum = append(target.Enum, v)
					}
				}
			}
		}
	}
	walk(reflect.TypeFor[mentoring.Programme]())
	if top := s.Definitions[typeName(reflect.TypeFor[mentoring.Programme]())]; top != nil && top.Properties != nil {
		top.Properties.Set(decode.SchemaKey, &jsonschema.Schema{Type: "string", Description: "the address of this schema, for editors; ignored"})
	}
	return s
}

func newSchema(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: e.l(diag.Text{KK: "бағдарлама файлының JSON Schema сызбасы (редакторлар үшін)", RU: "JSON Schema файла программы (для редакторов)", EN: "the JSON Schema of the programme file (for editors)"}),
		Long: e.l(diag.Text{
			KK: `Бағдарлама файлының JSON Schema (2020-12) сызбасын шығарады: редактор өрістерді
толықтырып, теру кезінде тексереді. Мысалы:
  sabaq schema > programme.schema.json
содан кейін YAML файлының басына:
  # yaml-language-server: $schema=./programme.schema.json
не JSON файлына: "$schema": "./programme.schema.json"`,
			RU: `Выводит JSON Schema (2020-12) файла программы: редактор дополняет поля и
проверяет их при наборе. Например:
  sabaq schema > programme.schema.json
затем в начало файла YAML:
  # yaml-language-server: $schema=./programme.schema.json
или в файл JSON: "$schema": "./programme.schema.json"`,
			EN: `Prints the JSON Schema (2020-12) of the programme file, so that an editor
completes fields and checks them while you type. For example:
  sabaq schema > programme.schema.json
then at the top of a YAML file:
  # yaml-language-server: $schema=./programme.schema.json
or in a JSON file: "$schema": "./programme.schema.json"`,
		}),
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 0, "args.none"); err != nil {
				return err
			}
			return wire.Encode(e.stdout, programmeSchema())
		},
	}
}

// typeName names a type's definition by its package and name
// (volunteer.Volunteer, agreement.Volunteer): two packages may each have a
// type of one name.
func typeName(t reflect.Type) string {
	if t.PkgPath() == "" || t.Name() == "" {
		return t.Name()
	}
	return path.Base(t.PkgPath()) + "." + t.Name()
}
