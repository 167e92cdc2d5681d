import t from 'tap';
import { atLeast, rate } from '../../collector/baseline/severity.js';

t.test('process deviations', async (t) => {
  t.match(rate({ type: 'process', exe: '/usr/bin/app', exeUpperLayer: true }), { severity: 'critical', reason: /not part of the image/ });
  t.match(rate({ type: 'process', exe: '/tmp/xmrig' }), { severity: 'critical', reason: /temporary directory/ });
  t.match(rate({ type: 'process', exe: '/dev/shm/.x/run' }), { severity: 'critical' });
  t.match(rate({ type: 'process', exe: '/bin/bash' }), { severity: 'high', reason: 'a shell' });
  t.match(rate({ type: 'process', exe: '/sbin/apk' }), { severity: 'high', reason: 'a package manager' });
  t.match(rate({ type: 'process', exe: '/usr/bin/curl' }), { severity: 'high', reason: 'a download or network tool' });
  t.match(rate({ type: 'process', exe: '/usr/local/bin/helper', exeUpperLayer: false }), { severity: 'medium' });
  t.match(rate({ type: 'process', exe: null }), { severity: 'medium' });
});

t.test('network deviations and "at least"', async (t) => {
  t.equal(rate({ type: 'network', direction: 'outbound' }).severity, 'medium');
  t.equal(rate({ type: 'network', direction: 'inbound' }).severity, 'low');
  t.same(atLeast('high'), ['high', 'critical']);
  t.same(atLeast('low'), ['low', 'medium', 'high', 'critical']);
});
