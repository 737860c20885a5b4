package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/birgemiz/sabaqtastyq/mentoring"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func main() {
	f, _ := os.Create("/tmp/cpu.prof")
	pprof.StartCPUProfile(f)
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		p, err := mentoring.Load(os.Args[1])
		if err != nil {
			panic(err)
		}
		t1 := time.Now()
		pol, _ := rules.Resolve("guide")
		rep, err := pol.Evaluate(context.Background(), p)
		if err != nil {
			panic(err)
		}
		fmt.Println(len(rep.Findings), "load", t1.Sub(t0), "eval", time.Since(t1))
	}
	pprof.StopCPUProfile()
}
