package sheet_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/birgemiz/sabaqtastyq/agreement"
	"github.com/birgemiz/sabaqtastyq/civil"
	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/sheet"
	"github.com/birgemiz/sabaqtastyq/volunteer"
)

// large is a well-formed programme of n volunteers with n/2 children,
// tandems and agreements, three monthly reports each and n/100
// institutions, in every form, built once.
type large struct {
	json, xlsx []byte
	csv        fstest.MapFS
}

var large10k = sync.OnceValues(func() (*large, error) { return buildLarge(10_000) })

func buildLarge(n int) (*large, error) {
	p := &mentoring.Programme{AsOf: civil.D(2026, 11, 24)}
	insts := max(1, n/100)
	for i := range insts {
		p.Institutions = append(p.Institutions, mentoring.Institution{
			ID: fmt.Sprintf("inst-%d", i), Name: "Children's home", Kind: mentoring.Orphanage, City: "Almaty"})
	}
	for i := range n {
		p.Volunteers = append(p.Volunteers, volunteer.Volunteer{
			ID: fmt.Sprintf("v-%d", i), FullName: "Айгерім Сәдуақасова", BirthDate: civil.D(1970+i%30, time.Month(1+i%12), 1+i%28),
			Gender: volunteer.Female, City: "Almaty", Languages: []string{"kk", "ru"},
			Contacts: &volunteer.Contacts{Phone: "+7 700 000 00 01"}, Role: volunteer.IndividualMentor, CommitmentMonths: 24,
			Screening: volunteer.Screening{Interview: civil.D(2025, 6, 10), PsychologicalTest: civil.D(2025, 6, 17),
				Training: civil.D(2025, 7, 5), Documents: civil.D(2025, 7, 20)},
			Status: volunteer.Active,
		})
	}
	for i := range n / 2 {
		p.Children = append(p.Children, mentoring.Child{
			ID: fmt.Sprintf("c-%d", i), BirthDate: civil.D(2008+i%8, time.Month(1+i%12), 1+i%28), Gender: "male",
			Institution: fmt.Sprintf("inst-%d", i%insts), AdmittedOn: civil.D(2020, 9, 1), Programme: mentoring.Individual,
			Languages: []string{"kk"}})
		p.Tandems = append(p.Tandems, mentoring.Tandem{
			ID: fmt.Sprintf("t-%d", i), Mentor: fmt.Sprintf("v-%d", i), Child: fmt.Sprintf("c-%d", i),
			StartedOn: civil.D(2025, 9, 1), Phase: mentoring.ActivePhase})
		p.Agreements = append(p.Agreements, agreement.Agreement{
			ID: fmt.Sprintf("a-%d", i), Volunteer: fmt.Sprintf("v-%d", i), City: "Almaty", SignedOn: civil.D(2025, 8, 1)})
		for m := 9; m <= 11; m++ {
			p.Reports = append(p.Reports, agreement.Report{Volunteer: fmt.Sprintf("v-%d", i), Month: civil.M(2026, time.Month(m))})
		}
		p.Outings = append(p.Outings, mentoring.Outing{Tandem: fmt.Sprintf("t-%d", i), Date: civil.D(2026, 10, 1+i%28)})
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	l := &large{}
	var err error
	if l.json, err = json.Marshal(p); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, p, diag.RU); err != nil {
		return nil, err
	}
	l.xlsx = buf.Bytes()
	dir, err := os.MkdirTemp("", "sheet-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := sheet.WriteCSV(dir, p); err != nil {
		return nil, err
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	l.csv = fstest.MapFS{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			return nil, err
		}
		l.csv[f.Name()] = &fstest.MapFile{Data: data}
	}
	return l, nil
}

func benchLarge(b *testing.B) *large {
	b.Helper()
	l, err := large10k()
	if err != nil {
		b.Fatal(err)
	}
	start := cpuTime()
	b.Cleanup(func() {
		if b.N > 0 && start > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		}
	})
	b.ResetTimer()
	return l
}

// BenchmarkReadXLSX10k reads a workbook of 10,000 volunteers (and 5,000
// children, tandems and agreements, 15,000 reports); BenchmarkLoadJSON10k
// is the baseline, the same programme as JSON.
func BenchmarkReadXLSX10k(b *testing.B) {
	l := benchLarge(b)
	b.SetBytes(int64(len(l.xlsx)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sheet.ReadXLSX(bytes.NewReader(l.xlsx), "large.xlsx"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadJSON10k(b *testing.B) {
	l := benchLarge(b)
	b.SetBytes(int64(len(l.json)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mentoring.Parse(l.json, "large.json", mentoring.JSON); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCSV10k(b *testing.B) {
	l := benchLarge(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sheet.ReadCSVFS(l.csv, "large"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteXLSX10k(b *testing.B) {
	l := benchLarge(b)
	p, err := mentoring.Parse(l.json, "large.json", mentoring.JSON)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := sheet.WriteXLSX(&bytes.Buffer{}, p, diag.RU); err != nil {
			b.Fatal(err)
		}
	}
}
