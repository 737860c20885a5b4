package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
)

// ErrExposed is returned for an address other machines can reach when the
// server has neither a token nor TLS.
var ErrExposed = errors.New("an address other machines can reach needs --token or TLS (--tls-cert and --tls-key)")

// CheckExposure says whether addr (host:port) may be served with the
// protection given: a loopback address (127.0.0.0/8, ::1, localhost) needs
// nothing; any other — an empty host or 0.0.0.0 included, which listen on
// every interface — needs a bearer token or TLS.
func CheckExposure(addr string, token, tls bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if token || tls {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%s: %w", addr, ErrExposed)
}

// ListenAndServe listens on Options.Addr (after CheckExposure) and serves
// until ctx is done; see Serve.
func (s *Server) ListenAndServe(ctx context.Context) error {
	useTLS := s.opts.TLSCertFile != "" || s.opts.TLSKeyFile != ""
	if useTLS && (s.opts.TLSCertFile == "" || s.opts.TLSKeyFile == "") {
		return errors.New("TLS needs both a certificate and a key")
	}
	if err := CheckExposure(s.opts.Addr, s.opts.Token != "", useTLS); err != nil {
		return err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.opts.Addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln (with TLS when Options names a certificate and key)
// and watches the policies' folder, until ctx is done. Then it shuts down
// gracefully: /readyz answers 503, no new connection is taken, and
// requests in flight get Options.ShutdownTimeout to finish before their
// connections are closed. It returns nil after a graceful shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.opts.ReadHeaderTimeout,
		ReadTimeout:       s.opts.ReadTimeout,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       s.opts.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		TLSConfig:         &tls.Config{MinVersion: tls.VersionTLS12},
	}
	if err := s.Watch(ctx); err != nil {
		ln.Close()
		return err
	}
	useTLS := s.opts.TLSCertFile != "" && s.opts.TLSKeyFile != ""
	scheme := "http"
	if useTLS {
		scheme = "https"
	}
	s.log.Info("serving", "addr", scheme+"://"+ln.Addr().String(), "policies", s.store.Set().Names(),
		"token", s.opts.Token != "", "max_body", s.opts.MaxBody, "max_in_flight", s.opts.MaxInFlight)

	errc := make(chan error, 1)
	go func() {
		if useTLS {
			errc <- srv.ServeTLS(ln, s.opts.TLSCertFile, s.opts.TLSKeyFile)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.log.Info("shutting down", "grace", s.opts.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.opts.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	s.log.Info("stopped")
	return nil
}
