package main

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// servedCorpus starts compare serve's handler on 127.0.0.1 for a copy of a corpus
// (the embedded one when name is ""), and returns the server and its base URL.
func servedCorpus(t *testing.T, name string) (*server, string, string) {
	t.Helper()
	dir := ""
	if name != "" {
		dir = copyCorpus(t, name)
	}
	e := &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	s, err := newServer(e, dir, corpusFlags{cacheDir: testCache}, "Serve Test")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := s.listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: s.handler()}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s, "http://" + ln.Addr().String(), dir
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

type call struct {
	method, path, host, origin, site string
	cookie                           bool
	form                             url.Values
}

func (c call) do(t *testing.T, s *server, base string) (*http.Response, string) {
	t.Helper()
	var body *strings.Reader
	if c.form != nil {
		body = strings.NewReader(c.form.Encode())
	} else {
		body = strings.NewReader("")
	}
	req, err := http.NewRequest(c.method, base+c.path, body)
	if err != nil {
		t.Fatal(err)
	}
	if c.form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c.host != "" {
		req.Host = c.host
	}
	if c.origin != "" {
		req.Header.Set("Origin", c.origin)
	}
	if c.site != "" {
		req.Header.Set("Sec-Fetch-Site", c.site)
	}
	if c.cookie {
		req.AddCookie(&http.Cookie{Name: tokenCookie, Value: s.token})
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	return resp, b.String()
}

// TestServeRefusesOtherOrigins: the server answers only its own address, needs the
// run's token to read and to write, refuses writes from other origins, and checks
// a verdict as the command line does before anything is written.
func TestServeRefusesOtherOrigins(t *testing.T) {
	t.Parallel()
	s, base, dir := servedCorpus(t, "amber")
	port := base[strings.LastIndexByte(base, ':')+1:]
	_, page := call{method: "GET", path: "/", cookie: true}.do(t, s, base)
	id := between(page, `name="id" value="`, `"`)
	if id == "" {
		t.Fatal("the served page has no verdict form")
	}
	good := url.Values{"token": {s.token}, "id": {id}, "verdict": {"confirmed"}, "note": {"from the test"}}
	reviews := filepath.Join(dir, "reviews.yaml")

	refused := []struct {
		name string
		call call
		code int
	}{
		{"no token", call{method: "GET", path: "/"}, 403},
		{"wrong token in the link", call{method: "GET", path: "/?token=" + strings.Repeat("0", 32)}, 403},
		{"a name that resolves here (DNS rebinding)", call{method: "GET", path: "/", cookie: true, host: "attacker.example:" + port}, 421},
		{"another port", call{method: "GET", path: "/", cookie: true, host: "127.0.0.1:1"}, 421},
		{"a post from another site", call{method: "POST", path: "/review", cookie: true, origin: "http://attacker.example", form: good}, 403},
		{"a post from a page on disk", call{method: "POST", path: "/review", cookie: true, origin: "null", form: good}, 403},
		{"a cross-site post by fetch metadata", call{method: "POST", path: "/review", cookie: true, site: "cross-site", form: good}, 403},
		{"a post without the form's token", call{method: "POST", path: "/review", cookie: true, form: url.Values{"id": {id}, "verdict": {"confirmed"}}}, 403},
		{"a post without the cookie", call{method: "POST", path: "/review", form: good}, 403},
		{"a verdict outside the list", call{method: "POST", path: "/review", cookie: true, form: url.Values{"token": {s.token}, "id": {id}, "verdict": {"maybe"}}}, 400},
		{"a value that is not the conflict's", call{method: "POST", path: "/review", cookie: true, form: url.Values{"token": {s.token}, "id": {id}, "verdict": {"resolved"}, "value": {"1066"}}}, 400},
		{"an unknown conflict", call{method: "POST", path: "/review", cookie: true, form: url.Values{"token": {s.token}, "id": {"ffffffffffff"}, "verdict": {"confirmed"}}}, 400},
		{"a write by GET", call{method: "GET", path: "/review", cookie: true}, 405},
	}
	for _, tc := range refused {
		resp, body := tc.call.do(t, s, base)
		if resp.StatusCode != tc.code {
			t.Errorf("%s: status %d, want %d\n%s", tc.name, resp.StatusCode, tc.code, firstLine(body))
		}
		if _, err := os.Stat(reviews); err == nil {
			t.Fatalf("%s: reviews.yaml was written", tc.name)
		}
	}
	if _, body := refused[9].call.do(t, s, base); !strings.Contains(body, `role="alert">Nothing was recorded: choose a verdict`) {
		t.Errorf("a refused verdict does not say why on the page:\n%s", between(body, `<p class="banner error"`, `</p>`))
	}
	if _, body := refused[10].call.do(t, s, base); !strings.Contains(body, `role="alert">Nothing was recorded: value &#34;1066&#34; is not one of the conflict&#39;s values`) {
		t.Errorf("a wrong value does not say why on the page:\n%s", between(body, `<p class="banner error"`, `</p>`))
	}

	// The link with the token sets a strict cookie and takes the token out of the address.
	resp, _ := call{method: "GET", path: "/?token=" + s.token}.do(t, s, base)
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/" {
		t.Errorf("the link: status %d, location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if c := resp.Header.Get("Set-Cookie"); !strings.Contains(c, "HttpOnly") || !strings.Contains(c, "SameSite=Strict") {
		t.Errorf("the token cookie: %q", c)
	}
	resp, _ = call{method: "GET", path: "/", cookie: true, host: "localhost:" + port}.do(t, s, base)
	if resp.StatusCode != 200 {
		t.Errorf("localhost: status %d", resp.StatusCode)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || !strings.HasPrefix(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy: %q", csp)
	}

	// A good verdict from this origin is written, and the browser is sent back.
	resp, _ = call{method: "POST", path: "/review", cookie: true, origin: base, site: "same-origin", form: good}.do(t, s, base)
	if resp.StatusCode != 303 || !strings.HasSuffix(resp.Header.Get("Location"), "#c-"+id) {
		t.Fatalf("a good verdict: status %d, location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	data, err := os.ReadFile(reviews)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "id: "+id) || !strings.Contains(string(data), "note: from the test") {
		t.Errorf("reviews.yaml lacks the verdict:\n%s", data)
	}
}

// TestServeEmbeddedIsReadOnly: the embedded corpus is shown without forms, and a
// post is refused.
func TestServeEmbeddedIsReadOnly(t *testing.T) {
	t.Parallel()
	s, base, _ := servedCorpus(t, "")
	resp, page := call{method: "GET", path: "/", cookie: true}.do(t, s, base)
	if resp.StatusCode != 200 || strings.Contains(page, `class="review-form"`) || !strings.Contains(page, "read-only") {
		t.Errorf("the embedded corpus: status %d, forms or no read-only notice", resp.StatusCode)
	}
	resp, _ = call{method: "POST", path: "/review", cookie: true, form: url.Values{"token": {s.token}, "id": {"x"}, "verdict": {"confirmed"}}}.do(t, s, base)
	if resp.StatusCode != 403 {
		t.Errorf("a post to the embedded corpus: status %d, want 403", resp.StatusCode)
	}
}

func TestListenAddr(t *testing.T) {
	t.Parallel()
	tests := []struct {
		listen string
		port   int
		addr   string
		public bool
		err    string
	}{
		{"", 8017, "127.0.0.1:8017", false, ""},
		{"", 0, "127.0.0.1:0", false, ""},
		{"127.0.0.1:9000", 8017, "127.0.0.1:9000", false, ""},
		{"localhost", 8017, "localhost:8017", false, ""},
		{"::1", 8017, "[::1]:8017", false, ""},
		{"0.0.0.0", 8017, "0.0.0.0:8017", true, ""},
		{"192.168.1.20:80", 8017, "192.168.1.20:80", true, ""},
		{"example.com", 8017, "", false, "give an IP address"},
		{"127.0.0.1:http", 8017, "", false, "is not a port"},
		{"", 70000, "", false, "is not a port"},
	}
	for _, tc := range tests {
		addr, public, err := listenAddr(tc.listen, tc.port)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("listenAddr(%q, %d): error %v, want %q", tc.listen, tc.port, err, tc.err)
		case tc.err == "" && (err != nil || addr != tc.addr || public != tc.public):
			t.Errorf("listenAddr(%q, %d) = %q, %v, %v; want %q, %v", tc.listen, tc.port, addr, public, err, tc.addr, tc.public)
		}
	}
}

// lockedBuffer is a buffer two goroutines may use.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeCommand runs "compare serve" as a user would: it prints the link with
// the token, warns when told to listen beyond this machine, and stops cleanly.
func TestServeCommand(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		warn bool
	}{
		{[]string{"serve", "--port", "0", "--cache", testCache}, false},
		{[]string{"serve", "--listen", "0.0.0.0", "--port", "0", "--cache", testCache}, true},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		var out, errb lockedBuffer
		done := make(chan int)
		go func() { done <- runContext(ctx, tc.args, nil, &out, &errb) }()
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(out.String(), "?token=") && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		link := between(out.String(), "at ", "\n")
		if !strings.HasPrefix(link, "http://127.0.0.1:") || !strings.Contains(link, "/?token=") {
			t.Errorf("%v: no link in %q", tc.args, out.String())
		}
		if warned := strings.Contains(errb.String(), "compare: warning: listening on"); warned != tc.warn {
			t.Errorf("%v: warning %v, want %v; stderr:\n%s", tc.args, warned, tc.warn, errb.String())
		}
		cancel() // as Ctrl-C does
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("%v: exit %d\n%s", tc.args, code, errb.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: serve did not stop", tc.args)
		}
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
