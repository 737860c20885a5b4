package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/birgemiz/sabaqtastyq/rules"
)

// metrics are the service's Prometheus metrics, in a registry of its own
// so that two servers in one process (tests) do not collide. Every label
// takes values from a closed set: routes, status codes, served policies and
// their rule ids — never an id or a value from a request.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	inFlight    prometheus.Gauge
	evaluations *prometheus.CounterVec
	findings    *prometheus.CounterVec
	reloads     *prometheus.CounterVec
	reloadOK    prometheus.Gauge
	reloadTime  prometheus.Gauge
	policies    prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sabaq_http_requests_total",
			Help: "HTTP requests served, by route (the pattern, not the path) and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "sabaq_http_request_duration_seconds",
			Help:    "Time from the request's headers to the end of its response, by route.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16), // 0.5 ms … 16 s
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sabaq_http_requests_in_flight",
			Help: "Requests being served now, the probes and /metrics aside.",
		}),
		evaluations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sabaq_evaluations_total",
			Help: "Policy evaluations of a programme, by policy and whether it was compliant.",
		}, []string{"policy", "compliant"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sabaq_findings_total",
			Help: "Findings reported, by policy, rule and severity.",
		}, []string{"policy", "rule", "severity"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sabaq_policy_reloads_total",
			Help: "Policy reloads, by result (success or failure); a failure keeps the last good set.",
		}, []string{"result"}),
		reloadOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sabaq_policy_last_reload_successful",
			Help: "1 when the last policy reload succeeded, 0 when the service is serving an older set.",
		}),
		reloadTime: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sabaq_policy_last_reload_success_timestamp_seconds",
			Help: "Unix time of the last successful policy reload.",
		}),
		policies: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sabaq_policies_served",
			Help: "Policies being served.",
		}),
	}
	m.reg.MustRegister(m.requests, m.duration, m.inFlight, m.evaluations, m.findings,
		m.reloads, m.reloadOK, m.reloadTime, m.policies,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

func (m *metrics) request(route string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) evaluated(rep *rules.Report) {
	m.evaluations.WithLabelValues(rep.Policy, strconv.FormatBool(rep.Compliant)).Inc()
	for _, f := range rep.Findings {
		m.findings.WithLabelValues(rep.Policy, f.Rule, string(f.Severity)).Inc()
	}
}

func (m *metrics) reloaded(policies int, err error, at time.Time) {
	m.policies.Set(float64(policies))
	if err != nil {
		m.reloads.WithLabelValues("failure").Inc()
		m.reloadOK.Set(0)
		return
	}
	m.reloads.WithLabelValues("success").Inc()
	m.reloadOK.Set(1)
	m.reloadTime.Set(float64(at.Unix()))
}
