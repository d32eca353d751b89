import json, sys, time, subprocess
sys.path.insert(0, '.')
import measure as M
spec = json.load(open(sys.argv[1]))
case = [c for c in spec['cases'] if c['name'] == sys.argv[2]][0]
dur = float(sys.argv[3])
M.restore()
w = case['workload']
for f, v in case['tunables'].items(): M.wr(f, v)
procs = []
for i in range(w['processes']):
    p = subprocess.Popen([M.WL, str(w['distinct_contents']), str(w['copies_per_content']), w['layout'], str(w['unique_pages']), str(w['zero_pages']), '0' if w['same_contents_in_every_process'] else '1', str(i)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == 'ready'; procs.append(p)
try:
    t0 = time.monotonic(); M.wr('run', '1')
    last = None; wrote = False
    while time.monotonic() - t0 < dur:
        c = M.counters(); c['pages_skipped'] = int(M.rd('pages_skipped'))
        key = {k: c[k] for k in M.COUNTERS}
        if key != last:
            print('%.3f fs=%d ps=%d sk=%d %s' % (time.monotonic() - t0, c['full_scans'], c['pages_scanned'], c['pages_skipped'], ' '.join('%s=%d' % (k[6:] if k.startswith('pages_') else k, c[k]) for k in M.COUNTERS)), flush=True)
            last = key
        if len(sys.argv) > 4 and not wrote and time.monotonic() - t0 > float(sys.argv[4]):
            wa = case['phases'][1]['action']['write']
            for p in procs:
                p.stdin.write('w %d %d %d %s\n' % (wa['from_page'], wa['to_page'], wa['every'], wa['new_content'])); p.stdin.flush(); p.stdout.readline()
            print('--- write', flush=True); wrote = True
        time.sleep(0.002)
finally:
    for p in procs:
        p.stdin.write('q\n'); p.stdin.flush(); p.wait()
    M.restore()
