package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func init() {
	register(command{name: "serve", summary: "serve the decision API over HTTP (check, lint, policies, plan, match)", run: runServe})
}

func runServe(e *env, args []string) error {
	fs := newFlags(e, "serve", "[flags]",
		`Serves the decision API under /v1/ (check, explain, lint, policies, plan
groups, match), /healthz, /readyz, /metrics and /v1/openapi.json, until
SIGINT or SIGTERM, then shuts down gracefully. SIGHUP reloads the policies.

It listens on loopback by default; any other address needs --token (or
SABAQ_TOKEN, or --token-file) or TLS. With --policies DIR the policies of
DIR are served beside the embedded ones and reloaded when they change;
a broken edit keeps the last good set serving and shows its problems in
/readyz and the log. The access log (stderr) never holds personal data.`)
	opts := server.Options{}
	fs.StringVar(&opts.Addr, "addr", server.DefaultAddr, "address to listen on, host:port")
	fs.StringVar(&opts.Policies, "policies", "", "folder of policy files served beside the embedded ones, reloaded on change")
	fs.StringVar(&opts.Token, "token", "", "bearer token every request must carry (default $SABAQ_TOKEN)")
	tokenFile := fs.String("token-file", "", "read the bearer token from this file")
	fs.StringVar(&opts.TLSCertFile, "tls-cert", "", "TLS certificate file (PEM); with --tls-key serves HTTPS")
	fs.StringVar(&opts.TLSKeyFile, "tls-key", "", "TLS private key file (PEM)")
	maxBody := fs.String("max-body", limits.Size(limits.RequestBytes), "largest request body, e.g. 64MiB, 512KiB or a number of bytes")
	fs.IntVar(&opts.MaxInFlight, "max-in-flight", server.DefaultMaxInFlight, "requests served at once; more get 503 with Retry-After")
	fs.DurationVar(&opts.WorkTimeout, "timeout", server.DefaultWorkTimeout, "time limit of one request's work once its body is read")
	fs.DurationVar(&opts.ReadTimeout, "read-timeout", server.DefaultReadTimeout, "time limit to read a request, body included")
	fs.DurationVar(&opts.WriteTimeout, "write-timeout", server.DefaultWriteTimeout, "time limit from a request's headers to the end of its answer")
	fs.DurationVar(&opts.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "how long an idle keep-alive connection stays open")
	fs.DurationVar(&opts.ShutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "how long a shutdown waits for requests in flight")
	logFormat := fs.String("log-format", "text", "access and event log on stderr: text or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return usagef("serve takes no arguments (see sabaq serve --help)")
	}
	if err := oneOf("log-format", *logFormat, "text", "json"); err != nil {
		return err
	}
	if opts.MaxBody, err = parseSize(*maxBody); err != nil {
		return usagef("--max-body: %v", err)
	}
	if opts.Token, err = token(opts.Token, *tokenFile); err != nil {
		return err
	}
	if (opts.TLSCertFile == "") != (opts.TLSKeyFile == "") {
		return usagef("--tls-cert and --tls-key go together")
	}
	useTLS := opts.TLSCertFile != ""
	if err := server.CheckExposure(opts.Addr, opts.Token != "", useTLS); err != nil {
		return usagef("%v", err)
	}
	if opts.WriteTimeout < opts.ReadTimeout+opts.WorkTimeout {
		fmt.Fprintf(e.stderr, "sabaq: warning: --write-timeout %s is shorter than --read-timeout + --timeout; slow requests will be cut off\n", opts.WriteTimeout)
	}
	opts.Logger = newLogger(e, *logFormat)

	srv, err := server.New(opts)
	if err != nil {
		return inFolder(err, opts.Policies)
	}
	defer srv.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				_ = srv.Reload() // logged and shown in /readyz
			}
		}
	}()
	return srv.ListenAndServe(ctx)
}

// inFolder names the problems of the policies folder's files by their path
// from where the command was run, so that an editor opens them; problems
// of the embedded policies keep their bare names.
func inFolder(err error, dir string) error {
	var pe *rules.PolicyError
	if dir == "" || !errors.As(err, &pe) {
		return err
	}
	out := &rules.PolicyError{}
	for _, l := range []struct{ from, to *diag.List }{{&pe.Problems, &out.Problems}, {&pe.Warnings, &out.Warnings}} {
		for _, p := range *l.from {
			if p.File != "" && !strings.ContainsAny(p.File, `/\`) {
				if _, statErr := os.Stat(filepath.Join(dir, p.File)); statErr == nil {
					pos := p.Pos
					pos.File = filepath.Join(dir, p.File)
					p = p.At(pos)
				}
			}
			*l.to = append(*l.to, p)
		}
	}
	return out
}

// token picks the bearer token: --token, else the file of --token-file,
// else $SABAQ_TOKEN. A token is kept off the command line, where other
// users of the machine can read it, by the last two.
func token(flagValue, file string) (string, error) {
	if flagValue != "" && file != "" {
		return "", usagef("--token and --token-file: give one")
	}
	if file != "" {
		b, err := limits.ReadFile(file, 4<<10)
		if err != nil {
			return "", fmt.Errorf("--token-file: %w", err)
		}
		t := strings.TrimSpace(string(b))
		if t == "" {
			return "", usagef("--token-file %s is empty", file)
		}
		return t, nil
	}
	if flagValue != "" {
		return flagValue, nil
	}
	return os.Getenv("SABAQ_TOKEN"), nil
}

func newLogger(e *env, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}
