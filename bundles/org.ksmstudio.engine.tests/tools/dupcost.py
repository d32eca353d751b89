"""ksmd's on-CPU time per full scan while it builds chains of full dups (max_page_sharing 2: every
search walks every dup of the chain), against the same identical pages at max_page_sharing 256.
Run from this directory under flock /tmp/ksmstudio-sysfs.lock; restores the kernel defaults."""
import subprocess, time, sys, json
sys.path.insert(0, '.')
import measure as M
ksmd = int(subprocess.check_output(['pgrep', '-x', 'ksmd']).split()[0])
def cpu():
    return int(open('/proc/%d/schedstat' % ksmd).read().split()[0])
def run(name, K, R, U, Z, tun, scans, procs=1):
    M.restore()
    for f, v in tun.items(): M.wr(f, v)
    ps = []
    for i in range(procs):
        p = subprocess.Popen([M.WL, str(K), str(R), 'block', str(U), str(Z), '0', str(i)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == 'ready'; ps.append(p)
    try:
        fs0 = int(M.rd('full_scans')); rows = []
        last = (int(M.rd('full_scans')), int(M.rd('pages_scanned')), int(M.rd('pages_skipped')), cpu(), time.monotonic())
        M.wr('run', '1')
        while True:
            fs = int(M.rd('full_scans'))
            if fs != last[0]:
                cur = (fs, int(M.rd('pages_scanned')), int(M.rd('pages_skipped')), cpu(), time.monotonic())
                rows.append((fs - fs0, cur[1] - last[1], cur[2] - last[2], cur[3] - last[3], cur[4] - last[4]))
                last = cur
                if fs - fs0 >= scans: break
            time.sleep(0.0002)
        for r in rows:
            print('%s scan %d: pages %d skipped %d  cpu %.1f ms wall %.1f ms  -> %.0f ns/page cpu' % (name, r[0], r[1], r[2], r[3] / 1e6, r[4] * 1e3, r[3] / max(1, r[1] + r[2])), flush=True)
    finally:
        for p in ps:
            p.stdin.write('q\n'); p.stdin.flush(); p.wait()
        M.restore()
fast = {'pages_to_scan': '10000', 'sleep_millisecs': '0'}
run('mps2-4001', 1, 4001, 0, 0, dict(fast, max_page_sharing='2'), 3)
run('mps256-4001', 1, 4001, 0, 0, fast, 3)
run('mps2-8001', 1, 8001, 0, 0, dict(fast, max_page_sharing='2'), 3)
