// libedit's readline-compatible API, for the shell's line editing (BSD licence; never GNU readline).
//
// Swift 6 refuses to touch libedit's global C variables directly (shared mutable state), so the
// few the shell needs are read and set through these inline functions.
#include <stdio.h>
#include <editline/readline.h>

static inline void cedit_set_completer(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void cedit_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void cedit_set_append_character(int c) { rl_completion_append_character = c; }
static inline void cedit_set_catch_signals(int on) { rl_catch_signals = on; }
static inline const char *cedit_line_buffer(void) { return rl_line_buffer; }
static inline int cedit_point(void) { return rl_point; }
static inline int cedit_history_length(void) { return history_length; }
static inline int cedit_history_base(void) { return history_base; }
// libedit hands each value this returns to the editor as one character (a Unicode scalar, not a
// byte), and takes -1 as the end of input.
static inline void cedit_set_getc(int (*fn)(FILE *)) { rl_getc_function = fn; }

// libedit keeps these pointers, so they are C literals that live as long as the process.
// Words break at blanks and quotes, and at `=` and `,` so `--what-if vllm=3,nccl=2` completes per id.
static inline void cedit_set_names(void) {
    rl_readline_name = "headway";
    rl_basic_word_break_characters = " \t\n\"'=,";
}
