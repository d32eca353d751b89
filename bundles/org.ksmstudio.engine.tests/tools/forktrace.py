import subprocess, time, sys
sys.path.insert(0, '.')
import measure as M
M.restore()
p = subprocess.Popen([M.WL, '1', '300', 'block', '0', '0', '0', '0'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
assert p.stdout.readline().strip() == 'ready'
def show(tag):
    c = M.counters()
    print(tag, ' '.join('%s=%d' % (k, c[k]) for k in M.COUNTERS + ['full_scans']), flush=True)
def wait_scans(n):
    f0 = M.counters()['full_scans']
    while M.counters()['full_scans'] < f0 + n: time.sleep(0.01)
try:
    M.wr('run', '1'); wait_scans(4); show('merged')
    p.stdin.write('f\n'); p.stdin.flush(); child = int(p.stdout.readline())
    show('forked'); wait_scans(4); show('child scanned')
    print('child ksm_stat', M.ksm_stat(child), 'parent', M.ksm_stat(p.pid))
    p.stdin.write('k %d\n' % child); p.stdin.flush(); p.stdout.readline()
    show('child killed'); wait_scans(4); show('after exit')
finally:
    p.stdin.write('q\n'); p.stdin.flush(); p.wait(); M.restore()
