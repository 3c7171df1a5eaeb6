#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <histedit.h>
/* el_[w]set, el_[w]get and history_w are variadic, which Swift cannot call: one typed wrapper per use. */
typedef wchar_t *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_cmd_fn)(EditLine *, int);
static inline EditLine *cel_init_stdio(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
static inline int cel_set_prompt(EditLine *e, cel_prompt_fn f) { return el_wset(e, EL_PROMPT_ESC, f, L'\1'); }
static inline int cel_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int cel_set_signal(EditLine *e, int on) { return el_wset(e, EL_SIGNAL, on); }
static inline int cel_set_clientdata(EditLine *e, void *p) { return el_wset(e, EL_CLIENTDATA, p); }
static inline void *cel_get_clientdata(EditLine *e) { void *p = 0; el_wget(e, EL_CLIENTDATA, &p); return p; }
static inline int cel_add_fn(EditLine *e, const char *name, const char *help, cel_cmd_fn f) { return el_set(e, EL_ADDFN, name, help, f); }
static inline int cel_bind(EditLine *e, const char *key, const char *fn) { return el_set(e, EL_BIND, key, fn, (const char *)0); }
static inline int cel_set_history(EditLine *e, HistoryW *h) { return el_wset(e, EL_HIST, history_w, h); }
static inline int cel_hist_setsize(HistoryW *h, int n) { HistEventW ev; return history_w(h, &ev, H_SETSIZE, n); }
static inline int cel_hist_setunique(HistoryW *h, int on) { HistEventW ev; return history_w(h, &ev, H_SETUNIQUE, on); }
static inline int cel_hist_enter(HistoryW *h, const wchar_t *line) { HistEventW ev; return history_w(h, &ev, H_ENTER, line); }
static inline int cel_hist_load(HistoryW *h, const char *path) { HistEventW ev; return history_w(h, &ev, H_LOAD, path); }
static inline int cel_hist_save(HistoryW *h, const char *path) { HistEventW ev; return history_w(h, &ev, H_SAVE, path); }
static inline int cel_insert(EditLine *e, const wchar_t *s) { return el_winsertstr(e, s); }
static inline FILE *cel_stdout(void) { return stdout; }
static inline void cel_flush_stdout(void) { fflush(stdout); }

/* Wide-character input needs a UTF-8 LC_CTYPE (under "C" el_wgets drops non-ASCII bytes).
   Returns 1 when a UTF-8 locale is in effect. */
static inline int cel_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && strcmp(codeset, "UTF-8") == 0) return 1;
    return setlocale(LC_CTYPE, "C.UTF-8") != 0;
}

/* Width of the terminal on stdout, 80 when unknown. */
static inline int cel_terminal_columns(void) {
    struct winsize size;
    if (ioctl(1, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

/* SIGINT without SA_RESTART: read(2) and nanosleep return EINTR, so Ctrl-C abandons the line at
   the prompt and cuts waits short. The flag has internal linkage: call these three from ONE Swift
   file only (each Swift object file gets its own copy of static inline code and statics). */
static volatile sig_atomic_t cel_sigint_flag = 0;
static inline void cel_sigint_handler(int signal_number) { (void)signal_number; cel_sigint_flag = 1; }
static inline int cel_sigint_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cel_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, 0) != 0) return -1;
    /* A parent may have blocked SIGINT (test runners, some launchers); Ctrl-C must still reach us. */
    sigset_t interrupt_only;
    sigemptyset(&interrupt_only);
    sigaddset(&interrupt_only, SIGINT);
    return sigprocmask(SIG_UNBLOCK, &interrupt_only, 0);
}
static inline int cel_sigint_seen(void) { return cel_sigint_flag != 0; }
static inline void cel_sigint_clear(void) { cel_sigint_flag = 0; }
#endif
