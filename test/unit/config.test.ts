import t from 'tap';
import { Backoff } from '../../agent/falco/backoff.js';
import { parseDuration, parseFalcoEndpoint, parseHostPort, parseSize } from '../../agent/config/parse.js';

t.test('durations', async (t) => {
  t.equal(parseDuration('--x', '250ms'), 250);
  t.equal(parseDuration('--x', '30s'), 30_000);
  t.equal(parseDuration('--x', '1.5m'), 90_000);
  t.equal(parseDuration('--x', '1h'), 3_600_000);
  t.equal(parseDuration('--x', '7d'), 604_800_000);
  t.throws(() => parseDuration('--falco-poll-interval', '10'), { name: 'ConfigError', message: /--falco-poll-interval: "10" is not a duration/ });
  t.throws(() => parseDuration('--x', 'soon'), { name: 'ConfigError' });
});

t.test('sizes', async (t) => {
  t.equal(parseSize('--x', '4MiB'), 4 * 1024 * 1024);
  t.equal(parseSize('--x', '512kib'), 512 * 1024);
  t.equal(parseSize('--x', '1000'), 1000);
  t.equal(parseSize('--x', '2MB'), 2_000_000);
  t.throws(() => parseSize('--x', 'big'), { name: 'ConfigError', message: /is not a size/ });
});

t.test('host:port', async (t) => {
  t.same(parseHostPort('--x', '127.0.0.1:2802'), { host: '127.0.0.1', port: 2802 });
  t.same(parseHostPort('--x', '[::1]:2802'), { host: '::1', port: 2802 });
  t.same(parseHostPort('--x', ':9376'), { host: '0.0.0.0', port: 9376 });
  t.throws(() => parseHostPort('--x', '127.0.0.1'), { message: /is not HOST:PORT/ });
  t.throws(() => parseHostPort('--x', 'h:70000'), { message: /is not HOST:PORT/ });
});

t.test('Falco endpoints', async (t) => {
  t.same(parseFalcoEndpoint('--falco', 'unix:///run/falco/falco.sock'), { kind: 'unix', target: 'unix:///run/falco/falco.sock', path: '/run/falco/falco.sock' });
  t.same(parseFalcoEndpoint('--falco', '/tmp/f.sock'), { kind: 'unix', target: 'unix:///tmp/f.sock', path: '/tmp/f.sock' });
  t.same(parseFalcoEndpoint('--falco', 'falco.falco:5060'), { kind: 'tcp', target: 'falco.falco:5060' });
  t.same(parseFalcoEndpoint('--falco', '[::1]:5060'), { kind: 'tcp', target: '[::1]:5060' });
  t.throws(() => parseFalcoEndpoint('--falco', 'unix://relative.sock'), { message: /absolute socket path/ });
  t.throws(() => parseFalcoEndpoint('--falco', 'falco'), { message: /HOST:PORT/ });
});

t.test('back-off grows, is capped, jitters within the upper half, and resets', async (t) => {
  let r = 0;
  const b = new Backoff({ initialMs: 100, maxMs: 1000 }, () => r);
  const low = [b.next(), b.next(), b.next(), b.next(), b.next(), b.next()];
  t.same(low, [50, 100, 200, 400, 500, 500]);
  r = 1;
  b.reset();
  t.same([b.next(), b.next(), b.next(), b.next(), b.next()], [100, 200, 400, 800, 1000]);
});

t.test('SOC token lines never echo the secret in errors', async (t) => {
  const { parseTokenFile, parseTokenEnv } = await import('../../collector/auth/api-tokens.js');
  t.throws(() => parseTokenFile('supersecrettoken-ABCDEF\n', 'tokens'), { message: 'tokens:1: the role must be viewer or operator (ROLE TOKEN [NAME])' });
  t.throws(() => parseTokenEnv('supersecrettoken-ABCDEF'), { message: 'VIGIL_API_TOKENS: the role must be viewer or operator (ROLE TOKEN [NAME])' });
  t.throws(() => parseTokenFile('viewer short\n', 'tokens'), { message: 'tokens:1: tokens must be at least 16 characters long' });
  t.same(parseTokenFile('# comment\n\nviewer 0123456789abcdef vera\n', 'f').map((x) => [x.role, x.name]), [['viewer', 'vera']]);
});
