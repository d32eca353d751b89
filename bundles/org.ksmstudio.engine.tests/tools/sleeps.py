import subprocess, time, sys
sys.path.insert(0, '.')
import measure as M
M.restore()
p = subprocess.Popen([M.WL, '1', '1000', 'block', '0', '0', '0', '0'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
assert p.stdout.readline().strip() == 'ready'
try:
    M.wr('run', '1')
    f0 = int(M.rd('full_scans'))
    while int(M.rd('full_scans')) < f0 + 3: time.sleep(0.01)
    for ms in ['1', '10', '20', '50', '100']:
        M.wr('sleep_millisecs', ms)
        f = int(M.rd('full_scans'))
        while int(M.rd('full_scans')) == f: time.sleep(0.0005)
        t0 = time.monotonic(); f = int(M.rd('full_scans')); n = 3 if ms != '100' else 2
        while int(M.rd('full_scans')) < f + n: time.sleep(0.0005)
        dt = time.monotonic() - t0
        print('sleep %s ms: %.2f ms per wake-up (11 wake-ups per full scan of 1000 pages)' % (ms, dt * 1000 / (11 * n)), flush=True)
finally:
    p.stdin.write('q\n'); p.stdin.flush(); p.wait(); M.restore()
