/*
 * ksm-workload: the KSM Studio workload generator.
 *
 * One process of a replayed scenario. It maps anonymous MADV_MERGEABLE memory,
 * fills it with the scenario's contents and writes to it on command, so that
 * the running kernel's ksmd sees the same pages as the simulator.
 *
 * Protocol: one command per line on stdin, one reply line on stdout
 * ("ok ..." or "err <reason>"). On start it prints "ready <pid> <page size>".
 *
 *   map PAGES [huge]               mmap PAGES pages, MADV_MERGEABLE and MADV_NOHUGEPAGE,
 *                                  or with huge: aligned to 2 MiB and MADV_HUGEPAGE
 *                                  (transparent huge pages where the kernel can)
 *   fill DISTINCT COPIES block|interleave UNIQUE ZERO SALT
 *                                  page i < DISTINCT*COPIES gets content i/COPIES
 *                                  (block) or i%DISTINCT (interleave), then UNIQUE
 *                                  pages of content of their own, then ZERO pages
 *                                  faulted in with zeroes; contents depend on SALT
 *   write FROM TO EVERY unique|same
 *                                  pages FROM..TO-1 stepping EVERY: unique gives
 *                                  each page a content of its own, same rewrites a
 *                                  byte with its own value (COW copy, equal content)
 *   unmerge                        MADV_UNMERGEABLE on the region
 *   fork                           fork a child that shares the region copy-on-write
 *                                  (same anon_vma) and sleeps; replies "ok CHILDPID";
 *                                  children die with this process
 *   exit                           reply ok and exit
 *
 * The process dies with its parent (PR_SET_PDEATHSIG) and exits on end of input,
 * so a crashed or cancelled replay leaves no mergeable memory behind.
 *
 * Part of KSM Studio; compiled on demand by org.ksmstudio.live with `cc -O2`.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define TAG_CONTENT 0x4b534d436f6e7431ULL /* "KSMCont1" */
#define TAG_UNIQUE  0x4b534d556e697131ULL /* "KSMUniq1" */

static unsigned char *region;
static size_t region_pages;
static size_t page_size;
static uint64_t unique_counter;
static pid_t children[64];
static int child_count;

#define HUGE_ALIGN (2UL << 20)

static uint64_t mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/*
 * A page whose 64-bit words are a pseudo-random sequence from a seed. Seeds are chained
 * (mix(mix(mix(tag) + space) + id)) so that two (space, id) pairs collide only with
 * probability ~2^-32: a plain XOR of the parts would make (salt a, content b) equal to
 * (salt b, content a).
 */
static uint64_t seed_of(uint64_t tag, uint64_t space, uint64_t id)
{
	return mix64(mix64(mix64(tag) + space) + id);
}

static void fill_page(unsigned char *page, uint64_t seed)
{
	uint64_t *words = (uint64_t *)page;
	uint64_t state = seed;
	size_t n = page_size / sizeof(uint64_t);

	for (size_t i = 0; i < n; i++) {
		state = mix64(state + i);
		words[i] = state;
	}
}

/* A content of its own: unique per process (pid) and per write. */
static void fill_unique(unsigned char *page)
{
	fill_page(page, seed_of(TAG_UNIQUE, (uint64_t)getpid(), unique_counter++));
}

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!s)
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return (errno || *end || end == s) ? -1 : 0;
}

static void cmd_map(char **argv, int argc)
{
	uint64_t pages;
	size_t bytes, slack;
	int huge;
	unsigned char *p;

	huge = argc == 3 && !strcmp(argv[2], "huge");
	if ((argc != 2 && !huge) || parse_u64(argv[1], &pages) || pages == 0) {
		printf("err usage: map PAGES [huge]\n");
		return;
	}
	if (region) {
		printf("err already mapped\n");
		return;
	}
	bytes = pages * page_size;
	slack = huge ? HUGE_ALIGN : 0;
	p = mmap(NULL, bytes + slack, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		printf("err mmap %llu pages: %s\n", (unsigned long long)pages, strerror(errno));
		return;
	}
	if (huge) {
		/* keep the 2 MiB aligned part, so that every full 2 MiB can be a huge page */
		size_t head = (HUGE_ALIGN - ((uintptr_t)p & (HUGE_ALIGN - 1))) & (HUGE_ALIGN - 1);

		if (head)
			munmap(p, head);
		if (slack - head)
			munmap(p + head + bytes, slack - head);
		p += head;
	}
#if defined(MADV_HUGEPAGE) && defined(MADV_NOHUGEPAGE)
	madvise(p, bytes, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
#endif
	if (madvise(p, bytes, MADV_MERGEABLE)) {
		printf("err madvise(MADV_MERGEABLE): %s\n", strerror(errno));
		munmap(p, bytes);
		return;
	}
	region = p;
	region_pages = pages;
	printf("ok %p\n", (void *)p);
}

static void cmd_fill(char **argv, int argc)
{
	uint64_t distinct, copies, unique, zero, salt, grouped, total, i;
	int interleave;

	if (argc != 7 || parse_u64(argv[1], &distinct) || parse_u64(argv[2], &copies) ||
	    parse_u64(argv[4], &unique) || parse_u64(argv[5], &zero) || parse_u64(argv[6], &salt) ||
	    (strcmp(argv[3], "block") && strcmp(argv[3], "interleave"))) {
		printf("err usage: fill DISTINCT COPIES block|interleave UNIQUE ZERO SALT\n");
		return;
	}
	if (!region) {
		printf("err not mapped\n");
		return;
	}
	interleave = !strcmp(argv[3], "interleave");
	grouped = distinct * copies;
	total = grouped + unique + zero;
	if ((copies && grouped / copies != distinct) || total > region_pages) {
		printf("err %llu pages do not fit in the %llu mapped pages\n",
		       (unsigned long long)total, (unsigned long long)region_pages);
		return;
	}
	for (i = 0; i < grouped; i++) {
		uint64_t content = interleave ? i % distinct : i / copies;

		fill_page(region + i * page_size, seed_of(TAG_CONTENT, salt, content));
	}
	for (; i < grouped + unique; i++)
		fill_unique(region + i * page_size);
	for (; i < total; i++)
		*(volatile unsigned char *)(region + i * page_size) = 0;
	printf("ok %llu\n", (unsigned long long)total);
}

static void cmd_write(char **argv, int argc)
{
	uint64_t from, to, every, i, n = 0;
	int same;

	if (argc != 5 || parse_u64(argv[1], &from) || parse_u64(argv[2], &to) ||
	    parse_u64(argv[3], &every) || every == 0 ||
	    (strcmp(argv[4], "unique") && strcmp(argv[4], "same"))) {
		printf("err usage: write FROM TO EVERY unique|same\n");
		return;
	}
	if (!region || to > region_pages || from > to) {
		printf("err page range %llu..%llu outside the %llu mapped pages\n",
		       (unsigned long long)from, (unsigned long long)to,
		       (unsigned long long)region_pages);
		return;
	}
	same = !strcmp(argv[4], "same");
	for (i = from; i < to; i += every, n++) {
		volatile unsigned char *page = region + i * page_size;

		if (same)
			page[0] = page[0];
		else
			fill_unique((unsigned char *)page);
	}
	printf("ok %llu\n", (unsigned long long)n);
}

static void cmd_unmerge(void)
{
	if (!region) {
		printf("err not mapped\n");
		return;
	}
	if (madvise(region, region_pages * page_size, MADV_UNMERGEABLE))
		printf("err madvise(MADV_UNMERGEABLE): %s\n", strerror(errno));
	else
		printf("ok\n");
}

static void cmd_fork(void)
{
	pid_t child;

	if (child_count == (int)(sizeof(children) / sizeof(children[0]))) {
		printf("err at most %d children\n", child_count);
		return;
	}
	fflush(stdout);
	child = fork();
	if (child < 0) {
		printf("err fork: %s\n", strerror(errno));
		return;
	}
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		for (;;)
			pause();
	}
	children[child_count++] = child;
	printf("ok %d\n", (int)child);
}

static void end_children(void)
{
	for (int i = 0; i < child_count; i++) {
		kill(children[i], SIGKILL);
		waitpid(children[i], NULL, 0);
	}
	child_count = 0;
}

int main(void)
{
	char line[512];

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("ready %d %zu\n", (int)getpid(), page_size);

	while (fgets(line, sizeof(line), stdin)) {
		char *argv[8];
		int argc = 0;
		char *save, *tok = strtok_r(line, " \t\r\n", &save);

		while (tok && argc < 8) {
			argv[argc++] = tok;
			tok = strtok_r(NULL, " \t\r\n", &save);
		}
		if (argc == 0)
			continue;
		if (!strcmp(argv[0], "map"))
			cmd_map(argv, argc);
		else if (!strcmp(argv[0], "fill"))
			cmd_fill(argv, argc);
		else if (!strcmp(argv[0], "write"))
			cmd_write(argv, argc);
		else if (!strcmp(argv[0], "unmerge"))
			cmd_unmerge();
		else if (!strcmp(argv[0], "fork"))
			cmd_fork();
		else if (!strcmp(argv[0], "exit")) {
			end_children();
			printf("ok\n");
			return 0;
		} else
			printf("err unknown command: %s\n", argv[0]);
	}
	end_children();
	return 0;
}
