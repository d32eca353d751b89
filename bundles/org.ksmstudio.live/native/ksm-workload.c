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
 *   map PAGES [huge]               mmap a new region of PAGES pages, MADV_MERGEABLE and
 *                                  MADV_NOHUGEPAGE, or with huge: aligned to 2 MiB and
 *                                  MADV_HUGEPAGE (transparent huge pages where the kernel
 *                                  can); it becomes the current region. Regions lie in map
 *                                  order at increasing addresses (ksmd scans an mm's VMAs in
 *                                  address order), 2 MiB apart, from the low end of a free
 *                                  1 TiB range found on the first map
 *   region N                       make region N (0-based, in map order) the current one
 *
 * The commands below act on the current region.
 *
 *   fill DISTINCT COPIES block|interleave UNIQUE ZERO SALT
 *                                  page i < DISTINCT*COPIES gets content i/COPIES
 *                                  (block) or i%DISTINCT (interleave), then UNIQUE
 *                                  pages of content of their own, then ZERO pages
 *                                  faulted in with zeroes; contents depend on SALT
 *   dup FROM DISTINCT COPIES block|interleave KEY
 *                                  the DISTINCT*COPIES pages from page FROM get content
 *                                  k = j/COPIES (block) or j%DISTINCT (interleave) of
 *                                  content space KEY (equal KEY and k: equal bytes)
 *   unique FROM COUNT              COUNT pages from FROM get contents of their own
 *   zero FROM COUNT                COUNT pages from FROM are faulted in with zeroes
 *   ids FROM COUNT KEY FILE        COUNT pages from FROM get the contents whose ids FILE
 *                                  holds (little-endian 32-bit, one per page): id 0 is a
 *                                  zero page, id k the content k of space KEY (as dup)
 *   volatile RATE COUNT FRACTION unique|same
 *                                  a writer thread rewrites RATE pages per second, cycling
 *                                  over the region's COUNT volatile pages (the j-th is page
 *                                  j, or floor(j / FRACTION) when FRACTION < 1); unique
 *                                  gives each write a content of its own
 *   write FROM TO EVERY unique|same
 *                                  pages FROM..TO-1 stepping EVERY: unique gives
 *                                  each page a content of its own, same rewrites a
 *                                  byte with its own value (COW copy, equal content)
 *   pin FROM TO                    pin pages FROM..TO-1 for good (FOLL_PIN | FOLL_LONGTERM, as
 *                                  io_uring's registered buffers do: pin_user_pages), so that
 *                                  write_protect_page refuses to merge them; replies "ok N"
 *   thp                            reply "ok N": pages of the region in transparent huge pages
 *                                  (AnonHugePages of its smaps entry, in pages)
 *   unmerge                        MADV_UNMERGEABLE on the region
 *   fork                           fork a child that shares the regions copy-on-write
 *                                  (same anon_vma) and sleeps (its own writer threads
 *                                  rewrite its volatile pages); replies "ok CHILDPID";
 *                                  children die with this process
 *   exit                           reply ok and exit
 *
 * The process dies with its parent (PR_SET_PDEATHSIG) and exits on end of input,
 * so a crashed or cancelled replay leaves no mergeable memory behind.
 *
 * Part of KSM Studio; compiled on demand by org.ksmstudio.live with `cc -O2 -pthread`.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/io_uring.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define TAG_CONTENT 0x4b534d436f6e7431ULL /* "KSMCont1" */
#define TAG_UNIQUE  0x4b534d556e697131ULL /* "KSMUniq1" */
#define TAG_VOLATILE 0x4b534d566f6c6131ULL /* "KSMVola1" */
#define MAX_REGIONS 64

struct writer {
	double rate;		/* pages per second, 0 = none */
	uint64_t count;		/* volatile pages */
	double fraction;	/* the j-th is page floor(j / fraction) when < 1 */
	int same;		/* rewrite with the page's own content */
	pthread_t thread;
	int running;
};

struct area {
	unsigned char *start;
	size_t pages;
	struct writer writer;
};

static struct area areas[MAX_REGIONS];
static int area_count;
static unsigned char *region;	/* the current region */
static size_t region_pages;
static size_t page_size;
static uint64_t unique_counter;
static pid_t children[64];
static int child_count;

#define HUGE_ALIGN (2UL << 20)
/* the free address range the first region is placed in, the later ones above it */
#define ADDRESS_RANGE (1UL << 40)
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static unsigned char *next_region;	/* the end of the last region mapped */

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
	size_t bytes;
	int huge;
	unsigned char *p;

	huge = argc == 3 && !strcmp(argv[2], "huge");
	if ((argc != 2 && !huge) || parse_u64(argv[1], &pages) || pages == 0) {
		printf("err usage: map PAGES [huge]\n");
		return;
	}
	if (area_count == MAX_REGIONS) {
		printf("err at most %d regions\n", MAX_REGIONS);
		return;
	}
	bytes = pages * page_size;
	if (!next_region) {
		/* the first region goes low in a large free range, so that the later ones fit above it */
		p = mmap(NULL, ADDRESS_RANGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (p == MAP_FAILED) {
			printf("err mmap of an address range for the regions: %s\n", strerror(errno));
			return;
		}
		munmap(p, ADDRESS_RANGE);
		next_region = p;
	}
	/* the next 2 MiB boundary, a 2 MiB gap after the previous region (so that VMAs never merge) */
	p = (unsigned char *)(((uintptr_t)next_region + (area_count ? 2 * HUGE_ALIGN : HUGE_ALIGN) - 1) &
			      ~(HUGE_ALIGN - 1));
	if (mmap(p, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != p) {
		printf("err mmap %llu pages above the previous region: %s\n", (unsigned long long)pages, strerror(errno));
		return;
	}
	next_region = p + bytes;
#if defined(MADV_HUGEPAGE) && defined(MADV_NOHUGEPAGE)
	madvise(p, bytes, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
#endif
	if (madvise(p, bytes, MADV_MERGEABLE)) {
		printf("err madvise(MADV_MERGEABLE): %s\n", strerror(errno));
		munmap(p, bytes);
		return;
	}
	areas[area_count].start = p;
	areas[area_count].pages = pages;
	area_count++;
	region = p;
	region_pages = pages;
	printf("ok %p\n", (void *)p);
}

static struct area *current_area(void)
{
	for (int i = 0; i < area_count; i++)
		if (areas[i].start == region)
			return &areas[i];
	return NULL;
}

static void cmd_region(char **argv, int argc)
{
	uint64_t n;

	if (argc != 2 || parse_u64(argv[1], &n)) {
		printf("err usage: region N\n");
		return;
	}
	if (n >= (uint64_t)area_count) {
		printf("err region %llu: %d regions are mapped\n", (unsigned long long)n, area_count);
		return;
	}
	region = areas[n].start;
	region_pages = areas[n].pages;
	printf("ok\n");
}

/* Whether pages FROM..FROM+COUNT-1 lie in the current region; replies err if not. */
static int in_region(uint64_t from, uint64_t count)
{
	if (!region) {
		printf("err not mapped\n");
		return 0;
	}
	if (from > region_pages || count > region_pages - from) {
		printf("err pages %llu..%llu outside the %llu mapped pages\n", (unsigned long long)from,
		       (unsigned long long)(from + count), (unsigned long long)region_pages);
		return 0;
	}
	return 1;
}

static void cmd_dup(char **argv, int argc)
{
	uint64_t from, distinct, copies, key, n, j;
	int interleave;

	if (argc != 6 || parse_u64(argv[1], &from) || parse_u64(argv[2], &distinct) ||
	    parse_u64(argv[3], &copies) || parse_u64(argv[5], &key) ||
	    (strcmp(argv[4], "block") && strcmp(argv[4], "interleave"))) {
		printf("err usage: dup FROM DISTINCT COPIES block|interleave KEY\n");
		return;
	}
	n = distinct * copies;
	if ((copies && n / copies != distinct) || !in_region(from, n))
		return;
	interleave = !strcmp(argv[4], "interleave");
	for (j = 0; j < n; j++) {
		uint64_t content = interleave ? j % distinct : j / copies;

		fill_page(region + (from + j) * page_size, seed_of(TAG_CONTENT, key, content));
	}
	printf("ok %llu\n", (unsigned long long)n);
}

static void cmd_unique_zero(char **argv, int argc, int zero)
{
	uint64_t from, count, i;

	if (argc != 3 || parse_u64(argv[1], &from) || parse_u64(argv[2], &count)) {
		printf("err usage: %s FROM COUNT\n", zero ? "zero" : "unique");
		return;
	}
	if (!in_region(from, count))
		return;
	for (i = from; i < from + count; i++) {
		if (zero)
			*(volatile unsigned char *)(region + i * page_size) = 0;
		else
			fill_unique(region + i * page_size);
	}
	printf("ok %llu\n", (unsigned long long)count);
}

static void cmd_ids(char **argv, int argc)
{
	uint64_t from, count, key, i;
	FILE *f;

	if (argc != 5 || parse_u64(argv[1], &from) || parse_u64(argv[2], &count) || parse_u64(argv[3], &key)) {
		printf("err usage: ids FROM COUNT KEY FILE\n");
		return;
	}
	if (!in_region(from, count))
		return;
	f = fopen(argv[4], "rb");
	if (!f) {
		printf("err %s: %s\n", argv[4], strerror(errno));
		return;
	}
	for (i = 0; i < count; i++) {
		unsigned char b[4];
		uint32_t id;
		unsigned char *page = region + (from + i) * page_size;

		if (fread(b, 1, 4, f) != 4) {
			fclose(f);
			printf("err %s holds %llu ids, not %llu\n", argv[4], (unsigned long long)i,
			       (unsigned long long)count);
			return;
		}
		id = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
		if (id == 0)
			*(volatile unsigned char *)page = 0;
		else
			fill_page(page, seed_of(TAG_CONTENT, key, id));
	}
	fclose(f);
	printf("ok %llu\n", (unsigned long long)count);
}

/* The j-th volatile page of an area, as org.ksmstudio.engine.scenario.Volatility#page. */
static size_t volatile_page(const struct area *a, uint64_t j)
{
	double p;

	if (a->writer.fraction >= 1)
		return (size_t)j;
	p = floor((double)j / a->writer.fraction);
	return p > (double)(a->pages - 1) ? a->pages - 1 : (size_t)p;
}

static double now_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A writer thread: RATE pages per second over the volatile pages, round-robin, checked every ms. */
static void *write_volatile(void *arg)
{
	struct area *a = arg;
	uint64_t written = 0, counter = 0, space = mix64((uint64_t)getpid()) + (uint64_t)(a - areas);
	double start = now_seconds();
	struct timespec tick = { 0, 1000000 };

	for (;;) {
		uint64_t due = (uint64_t)(a->writer.rate * (now_seconds() - start));

		for (; written < due; written++) {
			volatile unsigned char *page = a->start + volatile_page(a, written % a->writer.count) * page_size;

			if (a->writer.same)
				page[0] = page[0];
			else
				fill_page((unsigned char *)page, seed_of(TAG_VOLATILE, space, counter++));
		}
		nanosleep(&tick, NULL);
	}
	return NULL;
}

static int start_writer(struct area *a)
{
	int err = pthread_create(&a->writer.thread, NULL, write_volatile, a);

	a->writer.running = !err;
	return err;
}

static void cmd_volatile(char **argv, int argc)
{
	struct area *a = current_area();
	uint64_t count;
	double rate, fraction;
	char *end1, *end2;
	int err;

	if (argc != 5 || parse_u64(argv[2], &count) || (strcmp(argv[4], "unique") && strcmp(argv[4], "same"))) {
		printf("err usage: volatile RATE COUNT FRACTION unique|same\n");
		return;
	}
	rate = strtod(argv[1], &end1);
	fraction = strtod(argv[3], &end2);
	if (*end1 || *end2 || !(rate > 0) || !(fraction > 0) || fraction > 1) {
		printf("err volatile: RATE must be > 0 and FRACTION in (0, 1]\n");
		return;
	}
	if (!a || count == 0 || count > a->pages) {
		printf("err volatile: %llu pages in a region of %llu\n", (unsigned long long)count,
		       (unsigned long long)(a ? a->pages : 0));
		return;
	}
	if (a->writer.running) {
		printf("err the region has a writer\n");
		return;
	}
	a->writer.rate = rate;
	a->writer.count = count;
	a->writer.fraction = fraction;
	a->writer.same = !strcmp(argv[4], "same");
	err = start_writer(a);
	if (err)
		printf("err pthread_create: %s\n", strerror(err));
	else
		printf("ok\n");
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
	if (!in_region(0, 0))
		return;
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

/*
 * One io_uring per pinned range, kept open until the process exits: its registered buffer holds a
 * FOLL_PIN | FOLL_LONGTERM pin on every page of the range.
 */
static void cmd_pin(char **argv, int argc)
{
	uint64_t from, to;
	struct io_uring_params params;
	struct iovec iov;
	int ring;

	if (argc != 3 || parse_u64(argv[1], &from) || parse_u64(argv[2], &to) || from >= to) {
		printf("err usage: pin FROM TO\n");
		return;
	}
	if (!region || to > region_pages) {
		printf("err page range %llu..%llu outside the %llu mapped pages\n",
		       (unsigned long long)from, (unsigned long long)to,
		       (unsigned long long)region_pages);
		return;
	}
	memset(&params, 0, sizeof(params));
	ring = (int)syscall(__NR_io_uring_setup, 1, &params);
	if (ring < 0) {
		printf("err io_uring_setup: %s\n", strerror(errno));
		return;
	}
	iov.iov_base = region + from * page_size;
	iov.iov_len = (to - from) * page_size;
	if (syscall(__NR_io_uring_register, ring, IORING_REGISTER_BUFFERS, &iov, 1) < 0) {
		printf("err io_uring_register(IORING_REGISTER_BUFFERS): %s\n", strerror(errno));
		close(ring);
		return;
	}
	printf("ok %llu\n", (unsigned long long)(to - from));
}

/* AnonHugePages of the region's VMA in /proc/self/smaps, in pages. */
static void cmd_thp(void)
{
	char line[256];
	unsigned long start, end, kb;
	int inside = 0;
	FILE *f;

	if (!region) {
		printf("err not mapped\n");
		return;
	}
	f = fopen("/proc/self/smaps", "r");
	if (!f) {
		printf("err /proc/self/smaps: %s\n", strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx ", &start, &end) == 2 && strchr(line, '-') < strchr(line, ' '))
			inside = start == (uintptr_t)region;
		else if (inside && sscanf(line, "AnonHugePages: %lu kB", &kb) == 1) {
			fclose(f);
			printf("ok %lu\n", kb * 1024 / page_size);
			return;
		}
	}
	fclose(f);
	printf("ok 0\n");
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
		/* only this thread lives on in the child: its volatile regions get writers of their own */
		for (int i = 0; i < area_count; i++)
			if (areas[i].writer.running)
				start_writer(&areas[i]);
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
		else if (!strcmp(argv[0], "region"))
			cmd_region(argv, argc);
		else if (!strcmp(argv[0], "fill"))
			cmd_fill(argv, argc);
		else if (!strcmp(argv[0], "dup"))
			cmd_dup(argv, argc);
		else if (!strcmp(argv[0], "unique"))
			cmd_unique_zero(argv, argc, 0);
		else if (!strcmp(argv[0], "zero"))
			cmd_unique_zero(argv, argc, 1);
		else if (!strcmp(argv[0], "ids"))
			cmd_ids(argv, argc);
		else if (!strcmp(argv[0], "volatile"))
			cmd_volatile(argv, argc);
		else if (!strcmp(argv[0], "write"))
			cmd_write(argv, argc);
		else if (!strcmp(argv[0], "pin"))
			cmd_pin(argv, argc);
		else if (!strcmp(argv[0], "thp"))
			cmd_thp();
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
