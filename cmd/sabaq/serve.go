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
	"time"

	"github.com/spf13/cobra"

	"github.com/birgemiz/sabaqtastyq/diag"
	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/internal/server"
	"github.com/birgemiz/sabaqtastyq/internal/wire"
	"github.com/birgemiz/sabaqtastyq/rules"
)

func newServe(e *env) *cobra.Command {
	opts := server.Options{}
	var tokenFile, maxBody, maxUnpacked, logFormat string
	c := &cobra.Command{
		Use:   "serve",
		Short: e.l(diag.Text{KK: "шешімдер API-ын HTTP арқылы ұсыну (check, lint, саясаттар, plan, match)", RU: "запустить HTTP-сервер API решений (check, lint, политики, plan, match)", EN: "serve the decision API over HTTP (check, lint, policies, plan, match)"}),
		Long: e.l(diag.Text{
			KK: `Шешімдер API-ын /v1/ астында (check, explain, lint, саясаттар, plan groups,
match), /healthz, /readyz, /metrics және /v1/openapi.json ұсынады, SIGINT не
SIGTERM келгенше, содан кейін ретімен тоқтайды. SIGHUP саясаттарды қайта
жүктейді.

Әдепкіде тек осы компьютерден (loopback) тыңдайды; басқа мекенжайға --token
(не SABAQ_TOKEN, не --token-file) не TLS керек. --policies БУМА болса, сол
бумадағы саясаттар кірістірілгендермен қатар ұсынылып, өзгергенде қайта
жүктеледі; қате түзету соңғы дұрыс жинақты қалдырып, қатесін /readyz пен
журналда көрсетеді. Кіру журналында (stderr) дербес дерек болмайды.`,
			RU: `Предоставляет API решений по адресам /v1/ (check, explain, lint, политики, plan
groups, match), /healthz, /readyz, /metrics и /v1/openapi.json до SIGINT или
SIGTERM, затем корректно останавливается. SIGHUP перезагружает политики.

По умолчанию слушает только loopback; для другого адреса нужен --token (или
SABAQ_TOKEN, или --token-file) или TLS. С --policies ПАПКА политики из папки
доступны вместе со встроенными и перезагружаются при изменении; ошибочная
правка оставляет работать последний исправный набор, а её ошибки видны в
/readyz и в журнале. В журнале доступа (stderr) нет персональных данных.`,
			EN: `Serves the decision API under /v1/ (check, explain, lint, policies, plan
groups, match), /healthz, /readyz, /metrics and /v1/openapi.json, until
SIGINT or SIGTERM, then shuts down gracefully. SIGHUP reloads the policies.

It listens on loopback by default; any other address needs --token (or
SABAQ_TOKEN, or --token-file) or TLS. With --policies DIR the policies of
DIR are served beside the embedded ones and reloaded when they change;
a broken edit keeps the last good set serving and shows its problems in
/readyz and the log. The access log (stderr) never holds personal data.`,
		}),
		RunE: func(c *cobra.Command, args []string) error {
			if err := e.args(c, args, len(args) == 0, "args.none"); err != nil {
				return err
			}
			return e.serve(opts, tokenFile, maxBody, maxUnpacked, logFormat)
		},
	}
	f := c.Flags()
	say := func(kk, ru, en string) string { return e.l(diag.Text{KK: kk, RU: ru, EN: en}) }
	f.StringVar(&opts.Addr, "addr", server.DefaultAddr, say("тыңдайтын мекенжай, хост:порт", "адрес для прослушивания, хост:порт", "address to listen on, host:port"))
	f.StringVar(&opts.Policies, "policies", "", say("кірістірілгендермен қатар ұсынылатын, өзгергенде қайта жүктелетін саясаттар бумасы", "папка политик, доступных вместе со встроенными и перезагружаемых при изменении", "folder of policy files served beside the embedded ones, reloaded on change"))
	f.StringVar(&opts.Token, "token", "", say("әр сұраныс ұстайтын bearer токен (әдепкісі $SABAQ_TOKEN)", "bearer-токен, который несёт каждый запрос (по умолчанию $SABAQ_TOKEN)", "bearer token every request must carry (default $SABAQ_TOKEN)"))
	f.StringVar(&tokenFile, "token-file", "", say("bearer токенді осы файлдан оқу", "прочитать bearer-токен из этого файла", "read the bearer token from this file"))
	f.StringVar(&opts.TLSCertFile, "tls-cert", "", say("TLS сертификаты (PEM); --tls-key бірге болса HTTPS", "сертификат TLS (PEM); вместе с --tls-key — HTTPS", "TLS certificate file (PEM); with --tls-key serves HTTPS"))
	f.StringVar(&opts.TLSKeyFile, "tls-key", "", say("TLS жабық кілті (PEM)", "закрытый ключ TLS (PEM)", "TLS private key file (PEM)"))
	f.StringVar(&maxBody, "max-body", limits.Size(limits.RequestBytes), say("сұраныс денесінің ең үлкен өлшемі, мыс. 64MiB, 512KiB не байт саны", "наибольший размер тела запроса, напр. 64MiB, 512KiB или число байт", "largest request body, e.g. 64MiB, 512KiB or a number of bytes"))
	f.StringVar(&maxUnpacked, "max-unpacked", limits.Size(server.DefaultMaxUnpacked), say("жұмыс кітабы (.xlsx) ашылғанда алатын ең үлкен көлем", "наибольший объём, до которого может распаковаться книга (.xlsx)", "largest size a posted workbook (.xlsx) may unpack to"))
	f.BoolVar(&opts.NoConsole, "no-console", false, say("веб-консольді / мекенжайында көрсетпеу, тек API", "не показывать веб-консоль по адресу /, только API", "serve the API only, without the web console at /"))
	f.IntVar(&opts.MaxInFlight, "max-in-flight", server.DefaultMaxInFlight, say("бір мезгілде өңделетін сұраныстар; артығы Retry-After бар 503 алады", "запросов одновременно; остальные получают 503 с Retry-After", "requests served at once; more get 503 with Retry-After"))
	f.DurationVar(&opts.WorkTimeout, "timeout", server.DefaultWorkTimeout, say("дене оқылғаннан кейінгі бір сұраныс жұмысының уақыт шегі", "предел времени на работу запроса после чтения тела", "time limit of one request's work once its body is read"))
	f.DurationVar(&opts.ReadTimeout, "read-timeout", server.DefaultReadTimeout, say("сұранысты (денесімен) оқудың уақыт шегі", "предел времени на чтение запроса вместе с телом", "time limit to read a request, body included"))
	f.DurationVar(&opts.WriteTimeout, "write-timeout", server.DefaultWriteTimeout, say("сұраныс тақырыптарынан жауаптың соңына дейінгі уақыт шегі", "предел времени от заголовков запроса до конца ответа", "time limit from a request's headers to the end of its answer"))
	f.DurationVar(&opts.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, say("бос keep-alive қосылымы қанша ашық тұрады", "сколько держится открытым простаивающее keep-alive соединение", "how long an idle keep-alive connection stays open"))
	f.DurationVar(&opts.ShutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, say("тоқтағанда өңделіп жатқан сұраныстарды қанша күтеді", "сколько остановка ждёт запросы в работе", "how long a shutdown waits for requests in flight"))
	f.StringVar(&logFormat, "log-format", "text", say("stderr-дегі кіру және оқиға журналы: text не json", "журнал доступа и событий в stderr: text или json", "access and event log on stderr: text or json"))
	for name, ph := range map[string]diag.Text{
		"addr": {KK: "ХОСТ:ПОРТ", RU: "ХОСТ:ПОРТ", EN: "HOST:PORT"}, "policies": textDirPH, "token": {KK: "ТОКЕН", RU: "ТОКЕН", EN: "TOKEN"},
		"token-file": textFilePH, "tls-cert": textFilePH, "tls-key": textFilePH, "max-body": textSizePH, "max-unpacked": textSizePH, "max-in-flight": textNPH,
		"timeout": {KK: "ҰЗАҚТЫҚ", RU: "ДЛИТЕЛЬНОСТЬ", EN: "DURATION"}, "read-timeout": {KK: "ҰЗАҚТЫҚ", RU: "ДЛИТЕЛЬНОСТЬ", EN: "DURATION"},
		"write-timeout": {KK: "ҰЗАҚТЫҚ", RU: "ДЛИТЕЛЬНОСТЬ", EN: "DURATION"}, "idle-timeout": {KK: "ҰЗАҚТЫҚ", RU: "ДЛИТЕЛЬНОСТЬ", EN: "DURATION"},
		"shutdown-timeout": {KK: "ҰЗАҚТЫҚ", RU: "ДЛИТЕЛЬНОСТЬ", EN: "DURATION"}, "log-format": {KK: "text|json", RU: "text|json", EN: "text|json"},
	} {
		e.placeholder(f.Lookup(name), ph)
	}
	return c
}

func (e *env) serve(opts server.Options, tokenFile, maxBody, maxUnpacked, logFormat string) error {
	if logFormat != "text" && logFormat != "json" {
		return e.notFound(wire.CodeBadRequest, "flag.choice", logFormat, []string{"text", "json"}, "--log-format", e.list([]string{"text", "json"}))
	}
	var err error
	if opts.MaxBody, err = e.parseSize(maxBody); err != nil {
		return err
	}
	if opts.MaxUnpacked, err = e.parseSize(maxUnpacked); err != nil {
		return err
	}
	if opts.Token, err = e.token(opts.Token, tokenFile); err != nil {
		return err
	}
	if (opts.TLSCertFile == "") != (opts.TLSKeyFile == "") {
		return e.usage("serve.tls_pair")
	}
	useTLS := opts.TLSCertFile != ""
	if err := server.CheckExposure(opts.Addr, opts.Token != "", useTLS); err != nil {
		return e.usage("serve.exposed", opts.Addr)
	}
	if opts.WriteTimeout < opts.ReadTimeout+opts.WorkTimeout {
		fmt.Fprintf(e.stderr, "sabaq: %s\n", e.t("serve.slow", opts.WriteTimeout.Round(time.Second)))
	}
	opts.Logger = newLogger(e, logFormat)

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
func (e *env) token(flagValue, file string) (string, error) {
	if flagValue != "" && file != "" {
		return "", e.usage("serve.token_twice")
	}
	if file != "" {
		b, err := limits.ReadFile(file, 4<<10)
		if err != nil {
			return "", err
		}
		t := strings.TrimSpace(string(b))
		if t == "" {
			return "", e.usage("serve.token_empty", file)
		}
		return t, nil
	}
	if flagValue != "" {
		return flagValue, nil
	}
	return e.getenv("SABAQ_TOKEN"), nil
}

func newLogger(e *env, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}
