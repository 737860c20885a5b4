package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"testing/fstest"
	"time"

	"github.com/birgemiz/sabaqtastyq/internal/limits"
	"github.com/birgemiz/sabaqtastyq/rules"
)

// Defaults of [Options].
const (
	DefaultAddr              = "127.0.0.1:8080"
	DefaultMaxInFlight       = 64
	DefaultWorkTimeout       = 30 * time.Second
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 60 * time.Second
	DefaultWriteTimeout      = 2 * time.Minute
	DefaultIdleTimeout       = 2 * time.Minute
	DefaultShutdownTimeout   = 30 * time.Second
	DefaultDebounce          = 250 * time.Millisecond
	// DefaultMaxUnpacked caps what a workbook sent to the service may
	// unpack to: well below the command line's sheet.MaxUnpacked (1 GiB),
	// and still room for some 170,000 volunteers.
	DefaultMaxUnpacked int64 = 256 << 20
	// RetryAfter is the Retry-After, in seconds, of a request refused
	// because too many are in flight.
	RetryAfter = 1
)

// Options configures a [Server]. The zero value serves the embedded
// policies on 127.0.0.1:8080 with every default below.
type Options struct {
	// Addr is where ListenAndServe listens. Default DefaultAddr. An address
	// that is not loopback needs Token or TLS (see [CheckExposure]).
	Addr string
	// Policies is a folder of policy files served beside the embedded ones
	// (a file there named like an embedded one replaces it) and watched for
	// changes. Empty: the embedded policies only.
	Policies string
	// Token, when set, is the bearer token every request must carry, but
	// the probes (/healthz, /readyz) and the console's files.
	Token string
	// TLSCertFile and TLSKeyFile, when both set, serve HTTPS.
	TLSCertFile, TLSKeyFile string
	// MaxBody caps a request body in bytes. Default limits.RequestBytes.
	MaxBody int64
	// MaxUnpacked caps what an .xlsx body may unpack to (its sheets,
	// shared strings and styles together), checked before anything is
	// unpacked: a small zip can unpack to gigabytes. Past it the body is
	// invalid input. Default DefaultMaxUnpacked.
	MaxUnpacked int64
	// MaxInFlight caps the requests served at once, the probes and
	// /metrics aside; past it a request gets 503 with Retry-After.
	// Default DefaultMaxInFlight.
	MaxInFlight int
	// WorkTimeout bounds the work of one request once its body is read:
	// an evaluation, an explanation, a matching stops when it is over and
	// the request gets 503. Default DefaultWorkTimeout.
	WorkTimeout time.Duration
	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout are the
	// http.Server's. Defaults: the Default… constants. WriteTimeout counts
	// from the end of the headers, so it must cover reading the body and
	// the work.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout is how long a graceful shutdown waits for requests
	// in flight. Default DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// Debounce is how long the watcher waits after the last change in
	// Policies before it reloads. Default DefaultDebounce.
	Debounce time.Duration
	// Logger receives the access log, reloads and errors. Default
	// slog.Default(). Nothing logged carries personal data.
	Logger *slog.Logger
	// Console is the web console served at "/". Nil (the default) serves
	// the embedded one, [Console].
	Console fs.FS
	// NoConsole answers 404 at "/" instead of serving a console: for a
	// service only programs talk to.
	NoConsole bool
}

func (o *Options) setDefaults() {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxBody <= 0 {
		o.MaxBody = limits.RequestBytes
	}
	if o.MaxUnpacked <= 0 {
		o.MaxUnpacked = DefaultMaxUnpacked
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = DefaultMaxInFlight
	}
	defaultDuration(&o.WorkTimeout, DefaultWorkTimeout)
	defaultDuration(&o.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	defaultDuration(&o.ReadTimeout, DefaultReadTimeout)
	defaultDuration(&o.WriteTimeout, DefaultWriteTimeout)
	defaultDuration(&o.IdleTimeout, DefaultIdleTimeout)
	defaultDuration(&o.ShutdownTimeout, DefaultShutdownTimeout)
	defaultDuration(&o.Debounce, DefaultDebounce)
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

func defaultDuration(d *time.Duration, def time.Duration) {
	if *d <= 0 {
		*d = def
	}
}

// Server is the decision service: an http.Handler serving the API, the
// probes, the metrics and the console, over a policy set that reloads while
// it serves. It is safe for concurrent use. Build one with [New]; release
// it with Close.
type Server struct {
	opts   Options
	log    *slog.Logger
	store  *rules.Store
	loaded atomic.Pointer[loaded] // the files of the set last compiled
	fsys   fs.FS                  // the policies' folder over the embedded ones
	root   *os.Root               // the policies' folder, nil without one
	// consoleFS is the console served at "/", nil for none.
	consoleFS fs.FS

	mux      *http.ServeMux
	inflight chan struct{}
	metrics  *metrics

	reloadMu  sync.Mutex // one reload at a time
	watching  sync.WaitGroup
	stopWatch []context.CancelFunc
	status    atomic.Pointer[reloadStatus]
	draining  atomic.Bool
}

// New loads the policies and builds the server. A policy of the folder
// that does not compile is an error (errors.Is(err, rules.ErrPolicy)):
// the service does not start on a broken set. Later, a broken edit keeps
// the last good set serving.
func New(opts Options) (*Server, error) {
	opts.setDefaults()
	s := &Server{
		opts:     opts,
		log:      opts.Logger,
		inflight: make(chan struct{}, opts.MaxInFlight),
		metrics:  newMetrics(),
	}
	switch {
	case opts.NoConsole:
	case opts.Console != nil:
		s.consoleFS = opts.Console
	default:
		s.consoleFS = Console()
	}
	s.fsys = rules.Policies()
	if opts.Policies != "" {
		root, err := os.OpenRoot(opts.Policies)
		if err != nil {
			return nil, fmt.Errorf("policies folder: %w", err)
		}
		s.root = root
		s.fsys = overlay{top: root.FS(), base: rules.Policies()}
	}
	snap, err := s.snapshot()
	var set *rules.Set
	if err == nil {
		set, err = rules.LoadDir(snap)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	s.store = rules.NewStore(set)
	s.loaded.Store(loadedOf(set, snap))
	now := time.Now()
	s.status.Store(&reloadStatus{LastAttempt: now, LastSuccess: now})
	s.metrics.reloaded(len(set.Names()), nil, now)
	s.mux = http.NewServeMux()
	for _, rt := range s.routeTable() {
		s.mux.Handle(rt.pattern, s.guard(rt))
	}
	return s, nil
}

// Close stops watching the policies' folder and releases it. It does not
// stop a server that Serve runs: cancel Serve's context for that.
func (s *Server) Close() error {
	s.reloadMu.Lock()
	stops := s.stopWatch
	s.stopWatch = nil
	s.reloadMu.Unlock()
	for _, stop := range stops {
		stop()
	}
	s.watching.Wait()
	if s.root != nil {
		return s.root.Close()
	}
	return nil
}

// ServeHTTP serves one request: the access log and the metrics around the
// route's own handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.observe(w, r, s.mux)
}

// loaded is what the last successful (re)load read: its files, and the
// text of each policy's own file.
type loaded struct {
	files   fstest.MapFS
	sources map[*rules.Policy][]byte
}

func loadedOf(set *rules.Set, files fstest.MapFS) *loaded {
	l := &loaded{files: files, sources: make(map[*rules.Policy][]byte)}
	for _, name := range set.Names() {
		pol, _ := set.Get(name)
		if fs := pol.Files(); len(fs) > 0 {
			if f, ok := files[fs[len(fs)-1]]; ok {
				l.sources[pol] = f.Data
			}
		}
	}
	return l
}

// errNoSource is returned when a policy's file is asked for in the instant
// between a reload's swap and the recording of its files.
var errNoSource = errors.New("the policy was replaced while it was read")

// source returns the text of pol's own file (the last of its extends
// chain), as it was when pol was compiled.
func (s *Server) source(pol *rules.Policy) ([]byte, error) {
	src, ok := s.loaded.Load().sources[pol]
	if !ok {
		return nil, errNoSource
	}
	return src, nil
}
