package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/factcheck-tools/compare/compare"
	"github.com/factcheck-tools/compare/report"
)

// defaultPort is where compare serve listens unless told otherwise.
const defaultPort = 8017

type serveOptions struct {
	port   int
	listen string
	by     string
}

// runServe serves the HTML report of a corpus on 127.0.0.1 with a verdict form on
// each conflict that needs a review. A verdict posted from the page goes through the
// same code as "compare review ID --verdict V": verdictFor, then record.
func runServe(e *env, args []string) error {
	var o serveOptions
	var cf corpusFlags
	fs := newFlags(e, "serve", "[DIR]")
	fs.corpus(&cf)
	fs.IntVar(&o.port, "port", defaultPort, "the port to listen on (0: any free port)")
	fs.StringVar(&o.listen, "listen", "", "listen on this address (HOST or HOST:PORT) instead of 127.0.0.1; other machines may reach it")
	fs.StringVar(&o.by, "by", "", "who records verdicts, by default (default: git config user.name, else $USER)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	dir, err := corpusArg(rest)
	if err != nil {
		return err
	}
	addr, public, err := listenAddr(o.listen, o.port)
	if err != nil {
		return err
	}
	if o.by == "" {
		o.by = whoAmI()
	}
	cf.again = true // every page loads the corpus afresh
	s, err := newServer(e, dir, cf, o.by)
	if err != nil {
		return err
	}
	ln, err := s.listen(addr)
	if err != nil {
		return &usageError{fmt.Sprintf("cannot listen on %s: %v", addr, err), "choose another port with --port, or --port 0 for any free one"}
	}
	if public {
		fmt.Fprintf(e.stderr, "compare: warning: listening on %s, which other machines may reach; anyone who has the link below can record verdicts\n", ln.Addr())
	}
	fmt.Fprintf(e.stdout, "compare: serving %s at %s\n", s.label, s.url)
	fmt.Fprintln(e.stdout, "compare: open that link (it carries this run's token); press Ctrl-C to stop")
	ctx, stop := signal.NotifyContext(e.context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listenAddr is the address to listen on: 127.0.0.1 and the port, unless --listen
// names another; public says whether other machines may reach it.
func listenAddr(listen string, port int) (addr string, public bool, err error) {
	if port < 0 || port > 65535 {
		return "", false, &usageError{fmt.Sprintf("--port %d is not a port: give 1-65535, or 0 for any free port", port), ""}
	}
	if listen == "" {
		return net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), false, nil
	}
	host, p, err := net.SplitHostPort(listen)
	if err != nil {
		host, p = listen, strconv.Itoa(port)
	}
	if n, err := strconv.Atoi(p); err != nil || n < 0 || n > 65535 {
		return "", false, &usageError{fmt.Sprintf("--listen %q: %q is not a port", listen, p), "write HOST or HOST:PORT, such as 127.0.0.1:8017"}
	}
	ip := net.ParseIP(host)
	if host != "localhost" && ip == nil {
		return "", false, &usageError{fmt.Sprintf("--listen %q: give an IP address, not a name", listen), "such as 127.0.0.1, or 0.0.0.0 for every interface"}
	}
	return net.JoinHostPort(host, p), host != "localhost" && !ip.IsLoopback(), nil
}

// server serves one corpus. Every request reloads the corpus (the claims cache makes
// that quick), so the page always shows the sources and reviews.yaml as they are on
// disk; mu keeps one verdict's load-judge-record from interleaving with another's.
type server struct {
	e      *env
	dir    string
	cf     corpusFlags
	by     string
	label  string
	token  string
	port   string
	url    string
	mu     sync.Mutex
	quiet  *env
	static bool // the embedded corpus: read-only
}

func newServer(e *env, dir string, cf corpusFlags, by string) (*server, error) {
	l, err := load(e, dir, cf) // fail now, on the command line, if the corpus is bad
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 16)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	return &server{
		e: e, dir: dir, cf: cf, by: by, label: l.label, token: hex.EncodeToString(tok),
		quiet: &env{stdin: e.stdin, stdout: io.Discard, stderr: io.Discard}, static: l.root == "",
	}, nil
}

// listen opens the listener and fixes the URL to print.
func (s *server) listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	s.port = port
	s.url = "http://" + net.JoinHostPort(host, port) + "/?token=" + s.token
	return ln, nil
}

const tokenCookie = "compare_token"

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /review", s.review)
	csrf := http.NewCrossOriginProtection()
	return s.guard(csrf.Handler(mux))
}

// guard refuses what did not come from this machine's browser for this run: a Host
// that is not an address of this server (DNS rebinding), an Origin that is not
// this server, and any request without the run's token.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", report.CSP()+"; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin") // "no-referrer" would send Origin: null with the forms
		h.Set("Cache-Control", "no-store")
		if !s.hostAllowed(r.Host) {
			http.Error(w, "compare serve: refused: this server answers only to its own address", http.StatusMisdirectedRequest)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
			http.Error(w, "compare serve: refused: request from another origin", http.StatusForbidden)
			return
		}
		if t := r.URL.Query().Get("token"); r.Method == http.MethodGet && t != "" {
			if !s.tokenOK(t) {
				http.Error(w, "compare serve: refused: wrong token; open the link compare serve printed", http.StatusForbidden)
				return
			}
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		c, err := r.Cookie(tokenCookie)
		if err != nil || !s.tokenOK(c.Value) {
			http.Error(w, "compare serve: refused: no token; open the link compare serve printed", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed accepts a Host header naming this server by IP address or as
// localhost, with its port. A name that resolves here by DNS is refused: that is
// how a page on another site would reach a local server.
func (s *server) hostAllowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil || port != s.port {
		return false
	}
	return host == "localhost" || net.ParseIP(host) != nil
}

func (s *server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// page renders the report with a verdict form on each conflict that needs one.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.render(w, http.StatusOK, r.URL.Query().Get("recorded"), "")
}

func (s *server) render(w http.ResponseWriter, status int, recorded, problem string) {
	l, err := load(s.quiet, s.dir, s.cf)
	if err != nil {
		http.Error(w, "compare serve: "+err.Error(), http.StatusInternalServerError)
		return
	}
	res, orphaned := l.judge()
	rep := report.BuildForReading(res, l.label, orphaned...)
	report.AddContext(rep, l.corpus)
	rep.Reviews = l.reviewsPath()
	p := report.Page{Editable: !s.static, Token: s.token, Action: "/review", By: s.by, Error: problem}
	if s.static {
		p.ReadOnly = "This is the embedded corpus, which is read-only: to record verdicts, serve a corpus on disk (start one with compare init DIR)."
	}
	if recorded != "" {
		if c, err := compare.FindConflict(res, recorded); err == nil && c.State.Review != nil {
			p.Flash = fmt.Sprintf("Recorded in %s: %s.", l.reviewsPath(), c.State.Review.Verdict)
			p.Recorded = c.ID
		}
	}
	var b bytes.Buffer
	if err := report.WritePage(&b, rep, p); err != nil {
		http.Error(w, "compare serve: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// review records a verdict posted from the page, through the same checks and the
// same atomic write as the command line, then sends the browser back to the page.
func (s *server) review(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "compare serve: "+err.Error(), http.StatusBadRequest)
		return
	}
	if !s.tokenOK(r.PostForm.Get("token")) {
		http.Error(w, "compare serve: refused: the form lacks this run's token; reload the page", http.StatusForbidden)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.static {
		s.render(w, http.StatusForbidden, "", "The embedded corpus is read-only: nothing was recorded.")
		return
	}
	id, err := s.record(r.PostForm)
	if err != nil {
		s.render(w, http.StatusBadRequest, "", "Nothing was recorded: "+err.Error()+".")
		return
	}
	http.Redirect(w, r, "/?recorded="+url.QueryEscape(id)+"#c-"+id, http.StatusSeeOther)
}

func (s *server) record(form url.Values) (string, error) {
	l, err := load(s.quiet, s.dir, s.cf)
	if err != nil {
		return "", err
	}
	res, _ := l.judge()
	c, err := compare.FindConflict(res, form.Get("id"))
	if err != nil {
		return "", err
	}
	v, ok := compare.ParseVerdict(form.Get("verdict"))
	if !ok {
		return "", fmt.Errorf("choose a verdict: confirmed, false-alarm, resolved or outdated")
	}
	o := reviewOptions{note: form.Get("note"), by: form.Get("by"), at: time.Now().UTC().Format("2006-01-02")}
	switch v {
	case compare.Resolved:
		o.value = form.Get("value")
	case compare.Outdated:
		o.stale = form.Get("stale")
	}
	if o.by == "" {
		o.by = s.by
	}
	rv, err := verdictFor(c, v, o)
	if err != nil {
		// The command line's words name its flags ("--value"); the page has fields.
		return "", errors.New(strings.TrimPrefix(err.Error(), "--"))
	}
	if err := record(l, rv); err != nil {
		return "", err
	}
	return c.ID, nil
}
