/* KSM workload: one MADV_MERGEABLE region filled with K contents x R copies (block or
 * interleave), U unique pages, Z zero pages. Commands on stdin:
 *   w FROM TO EVERY unique|same   write pages; prints "ok"
 *   q                              exit
 * Prints "ready" after the fill. Content of page with content index c: first word = c+1 (+salt),
 * rest zero; unique pages get a word from a global counter salted by the pid. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <stdint.h>
#include <signal.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    if (argc < 8) { fprintf(stderr, "usage: K R layout U Z salt index\n"); return 2; }
    long K = atol(argv[1]), R = atol(argv[2]);
    int inter = strcmp(argv[3], "interleave") == 0;
    long U = atol(argv[4]), Z = atol(argv[5]);
    long salt = atol(argv[6]);
    long idx = atol(argv[7]);
    long ps = sysconf(_SC_PAGESIZE);
    long n = K * R + U + Z;
    char *base = mmap(NULL, (n ? n : 1) * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) { perror("mmap"); return 1; }
    if (madvise(base, n * ps, MADV_NOHUGEPAGE)) perror("nohuge");
    if (madvise(base, n * ps, MADV_MERGEABLE)) { perror("madvise"); return 1; }
    uint64_t uniq = ((uint64_t)(idx + 1) << 48) | 0x5a5a00000000ULL;
    for (long p = 0; p < n; p++) {
        uint64_t *w = (uint64_t *)(base + p * ps);
        if (p < K * R) {
            long c = inter ? p % K : p / R;
            w[0] = (uint64_t)c + 1 + (salt ? ((uint64_t)(idx + 1) << 32) : 0);
            w[1] = 0x1234567890abcdefULL;
        } else if (p < K * R + U) {
            w[0] = ++uniq; w[1] = 0xfeedULL;
        } else {
            w[0] = 0; /* fault in a zero-filled anonymous page */
            ((volatile char *)w)[0] = 0;
        }
    }
    printf("ready\n"); fflush(stdout);
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        if (line[0] == 'q') break;
        if (line[0] == 'f') {            /* fork a child that shares every page and sleeps */
            pid_t c = fork();
            if (c == 0) { for (;;) pause(); }
            printf("%d\n", (int)c); fflush(stdout);
            continue;
        }
        if (line[0] == 'k') {            /* kill a child: k PID */
            int c = atoi(line + 1);
            kill(c, SIGKILL); waitpid(c, NULL, 0);
            printf("ok\n"); fflush(stdout);
            continue;
        }
        if (line[0] == 'w') {
            long from, to, every; char kind[32];
            if (sscanf(line + 1, "%ld %ld %ld %31s", &from, &to, &every, kind) == 4) {
                for (long p = from; p < to && p < n; p += every) {
                    uint64_t *w = (uint64_t *)(base + p * ps);
                    if (strcmp(kind, "same") == 0) { uint64_t v = w[0]; w[0] = v; ((volatile uint64_t *)w)[0] = v; }
                    else { w[0] = ++uniq; w[2] = 0xbeef; }
                }
            }
            printf("ok\n"); fflush(stdout);
        }
    }
    return 0;
}
