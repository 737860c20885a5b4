// Command jsonany is the baseline of bench/load.sh: it reads a JSON file
// and decodes it with the standard library's json.Unmarshal into any, the
// least a program can do to read the file, and exits. issue 12 measures
// sabaq check against it, whole process to whole process.
//
// Usage:
//
//	jsonany FILE
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: jsonany FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsonany:", err)
		os.Exit(1)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		fmt.Fprintln(os.Stderr, "jsonany:", err)
		os.Exit(1)
	}
	if _, ok := v.(map[string]any); !ok {
		fmt.Fprintln(os.Stderr, "jsonany: not a JSON object")
		os.Exit(1)
	}
}
