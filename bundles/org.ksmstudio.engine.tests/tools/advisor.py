import subprocess, time, sys
sys.path.insert(0, '.')
import measure as M
M.restore()
p = subprocess.Popen([M.WL, '1', '6000', 'block', '2000', '0', '0', '0'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
assert p.stdout.readline().strip() == 'ready'
try:
    for f, v in [('advisor_target_scan_time', '2'), ('advisor_min_pages_to_scan', '200'), ('advisor_max_cpu', '70'), ('advisor_mode', 'scan-time')]:
        print(f, v, M.wr(f, v))
    print('pages_to_scan', M.rd('pages_to_scan'))
    t0 = time.monotonic(); M.wr('run', '1'); last = None
    while time.monotonic() - t0 < 25:
        fs = int(M.rd('full_scans')); pts = M.rd('pages_to_scan')
        if (fs, pts) != last:
            print('%.3f fs=%d pages_to_scan=%s scanned=%s' % (time.monotonic() - t0, fs, pts, M.rd('pages_scanned')), flush=True); last = (fs, pts)
        time.sleep(0.002)
finally:
    p.stdin.write('q\n'); p.stdin.flush(); p.wait(); M.restore()
